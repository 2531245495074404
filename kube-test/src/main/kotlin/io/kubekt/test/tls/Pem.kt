package io.kubekt.test.tls

import org.bouncycastle.openssl.jcajce.JcaPEMWriter
import org.bouncycastle.util.io.pem.PemObject
import java.io.StringWriter
import java.security.PrivateKey
import java.security.cert.X509Certificate

/** PEM rendering of certificates and keys. */
internal object Pem {
    fun encode(certificate: X509Certificate): String = write(certificate)

    /** `BEGIN PRIVATE KEY` (PKCS#8), which every client in the ecosystem reads. */
    fun encodePrivateKey(key: PrivateKey): String = write(PemObject("PRIVATE KEY", key.encoded))

    private fun write(value: Any): String =
        StringWriter().also { w -> JcaPEMWriter(w).use { it.writeObject(value) } }.toString()
}
