package io.kubekt.testing

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo
import org.bouncycastle.asn1.sec.ECPrivateKey
import org.bouncycastle.asn1.x500.X500Name
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
import org.bouncycastle.asn1.x509.BasicConstraints
import org.bouncycastle.asn1.x509.ExtendedKeyUsage
import org.bouncycastle.asn1.x509.Extension
import org.bouncycastle.asn1.x509.GeneralName
import org.bouncycastle.asn1.x509.GeneralNames
import org.bouncycastle.asn1.x509.KeyPurposeId
import org.bouncycastle.asn1.x509.KeyUsage
import org.bouncycastle.cert.X509CertificateHolder
import org.bouncycastle.cert.X509v3CertificateBuilder
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator
import org.bouncycastle.openssl.jcajce.JcaPEMWriter
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder
import org.bouncycastle.util.io.pem.PemObject
import java.io.StringWriter
import java.math.BigInteger
import java.security.KeyPair
import java.security.KeyPairGenerator
import java.security.KeyStore
import java.security.PrivateKey
import java.security.cert.X509Certificate
import java.security.spec.ECGenParameterSpec
import java.util.Date
import java.util.concurrent.atomic.AtomicLong
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory

/** Key algorithms the tests generate. */
enum class KeyKind { RSA, EC }

/** A certificate and its private key, with PEM renderings in every format kubeconfigs carry. */
class Issued(val certificate: X509Certificate, val keyPair: KeyPair, val kind: KeyKind) {
    val certPem: String get() = pem(certificate)

    /** `-----BEGIN PRIVATE KEY-----` (PKCS#8). */
    val keyPemPkcs8: String get() = pem(PemObject("PRIVATE KEY", keyPair.private.encoded))

    /**
     * `BEGIN RSA PRIVATE KEY` (PKCS#1) for RSA, `BEGIN EC PRIVATE KEY` (SEC1) for EC: what openssl writes by
     * default. The SEC1 form names its curve and carries the public key, as openssl's does (the JDK's own
     * encoding leaves both out of the inner structure, which openssl cannot read).
     */
    val keyPemTraditional: String get() = when (kind) {
        KeyKind.RSA -> pem(JcaMiscPEMGenerator(keyPair.private).generate())
        KeyKind.EC -> pem(PemObject("EC PRIVATE KEY", sec1(withCurve = true).encoded))
    }

    /** SEC1 `EC PRIVATE KEY` DER; [withCurve] false leaves the curve out (then an `EC PARAMETERS` block must name it). */
    fun sec1(withCurve: Boolean): ECPrivateKey {
        val info = PrivateKeyInfo.getInstance(keyPair.private.encoded)
        val inner = ECPrivateKey.getInstance(info.parsePrivateKey())
        val publicBits = SubjectPublicKeyInfo.getInstance(keyPair.public.encoded).publicKeyData
        val curve = info.privateKeyAlgorithm.parameters.takeIf { withCurve }
        return ECPrivateKey(256, inner.key, publicBits, curve)
    }

    /** The `EC PARAMETERS` PEM block naming this key's curve, as `openssl ecparam` writes it. */
    val ecParametersPem: String get() =
        pem(PemObject("EC PARAMETERS", PrivateKeyInfo.getInstance(keyPair.private.encoded).privateKeyAlgorithm.parameters.toASN1Primitive().encoded))

    val privateKey: PrivateKey get() = keyPair.private
}

/**
 * Generates a throw-away CA, server and client certificates for TLS tests, so no key material is
 * committed. Server certificates name `localhost` and `127.0.0.1`.
 */
object TestCertificates {
    private val serial = AtomicLong(System.currentTimeMillis())

    fun ca(name: String = "kubekt-test-ca", kind: KeyKind = KeyKind.EC): Issued {
        val keys = keyPair(kind)
        val subject = X500Name("CN=$name")
        val builder = JcaX509v3CertificateBuilder(subject, next(), notBefore(), notAfter(), subject, keys.public)
            .addExtension(Extension.basicConstraints, true, BasicConstraints(true))
            .addExtension(Extension.keyUsage, true, KeyUsage(KeyUsage.keyCertSign or KeyUsage.cRLSign))
        return Issued(sign(builder, keys.private, kind), keys, kind)
    }

    fun server(ca: Issued, vararg names: String = arrayOf("localhost", "127.0.0.1"), kind: KeyKind = KeyKind.EC): Issued {
        val keys = keyPair(kind)
        val sans = names.map { n ->
            if (n.first().isDigit() || n.contains(':')) GeneralName(GeneralName.iPAddress, n) else GeneralName(GeneralName.dNSName, n)
        }
        val builder = JcaX509v3CertificateBuilder(issuer(ca), next(), notBefore(), notAfter(), X500Name("CN=${names.first()}"), keys.public)
            .addExtension(Extension.subjectAlternativeName, false, GeneralNames(sans.toTypedArray()))
            .addExtension(Extension.extendedKeyUsage, false, ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        return Issued(sign(builder, ca.privateKey, ca.kind), keys, kind)
    }

    fun client(ca: Issued, user: String, groups: List<String> = emptyList(), kind: KeyKind = KeyKind.EC): Issued {
        val keys = keyPair(kind)
        val subject = X500Name((listOf("CN=$user") + groups.map { "O=$it" }).joinToString(","))
        val builder = JcaX509v3CertificateBuilder(issuer(ca), next(), notBefore(), notAfter(), subject, keys.public)
            .addExtension(Extension.extendedKeyUsage, false, ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
        return Issued(sign(builder, ca.privateKey, ca.kind), keys, kind)
    }

    /** A server-side SSLContext presenting [server]; trusting [clientCa] for client certificates if given. */
    fun serverContext(server: Issued, ca: Issued, clientCa: Issued? = null): SSLContext {
        val keyStore = KeyStore.getInstance("PKCS12").apply {
            load(null, null)
            setKeyEntry("server", server.privateKey, CharArray(0), arrayOf(server.certificate, ca.certificate))
        }
        val kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).apply { init(keyStore, CharArray(0)) }
        val tms = clientCa?.let {
            val trust = KeyStore.getInstance("PKCS12").apply { load(null, null); setCertificateEntry("ca", it.certificate) }
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(trust) }.trustManagers
        }
        return SSLContext.getInstance("TLS").apply { init(kmf.keyManagers, tms, null) }
    }

    private fun issuer(ca: Issued) = X500Name(ca.certificate.subjectX500Principal.name)

    private fun keyPair(kind: KeyKind): KeyPair = when (kind) {
        KeyKind.RSA -> KeyPairGenerator.getInstance("RSA").apply { initialize(2048) }.generateKeyPair()
        KeyKind.EC -> KeyPairGenerator.getInstance("EC").apply { initialize(ECGenParameterSpec("secp256r1")) }.generateKeyPair()
    }

    private fun sign(builder: X509v3CertificateBuilder, key: PrivateKey, kind: KeyKind): X509Certificate {
        val algorithm = if (kind == KeyKind.RSA) "SHA256withRSA" else "SHA256withECDSA"
        val holder: X509CertificateHolder = builder.build(JcaContentSignerBuilder(algorithm).build(key))
        return JcaX509CertificateConverter().getCertificate(holder)
    }

    private fun next() = BigInteger.valueOf(serial.incrementAndGet())
    private fun notBefore() = Date(System.currentTimeMillis() - 60_000)
    private fun notAfter() = Date(System.currentTimeMillis() + 24 * 3600_000L)
}

private fun pem(value: Any): String = StringWriter().also { w -> JcaPEMWriter(w).use { it.writeObject(value) } }.toString()
