package io.kubekt.transport

import io.kubekt.config.PemSource
import io.kubekt.error.TlsException
import java.io.ByteArrayInputStream
import java.io.IOException
import java.nio.file.Files
import java.security.KeyStore
import java.security.cert.CertificateException
import java.security.cert.CertificateFactory
import java.security.cert.X509Certificate
import javax.net.ssl.TrustManagerFactory
import javax.net.ssl.X509ExtendedTrustManager

/**
 * Turns a certificate-authority [PemSource] into a PKIX trust manager that trusts only those
 * certificates, or gives the JVM's default one. Errors name where the CA came from, never its bytes.
 */
internal object TrustMaterial {
    /** A trust manager for [ca], or for the JVM's default trust store when [ca] is null. */
    fun trustManager(ca: PemSource?, where: String): X509ExtendedTrustManager {
        val factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())
        if (ca == null) {
            factory.init(null as KeyStore?)
        } else {
            val store = KeyStore.getInstance("PKCS12").apply { load(null, null) }
            certificates(ca, where).forEachIndexed { i, cert -> store.setCertificateEntry("ca-$i", cert) }
            factory.init(store)
        }
        return factory.trustManagers.filterIsInstance<X509ExtendedTrustManager>().firstOrNull()
            ?: throw TlsException("the JVM offers no X.509 trust manager")
    }

    /** Every certificate in [source]'s PEM; at least one. */
    fun certificates(source: PemSource, where: String): List<X509Certificate> {
        val bytes = when (source) {
            is PemSource.Data -> source.bytes
            is PemSource.File -> try {
                Files.readAllBytes(source.path)
            } catch (e: IOException) {
                throw TlsException("cannot read the certificate authority file ${source.path} ($where): ${e.javaClass.simpleName}", e)
            }
        }
        val certs = try {
            CertificateFactory.getInstance("X.509").generateCertificates(ByteArrayInputStream(bytes)).filterIsInstance<X509Certificate>()
        } catch (e: CertificateException) {
            throw TlsException("the certificate authority from ${source.describe()} ($where) is not a PEM X.509 certificate", e)
        }
        if (certs.isEmpty()) throw TlsException("the certificate authority from ${source.describe()} ($where) holds no certificate")
        return certs
    }
}
