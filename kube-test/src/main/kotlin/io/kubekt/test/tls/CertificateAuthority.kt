package io.kubekt.test.tls

import org.bouncycastle.asn1.x500.X500Name
import org.bouncycastle.asn1.x500.style.BCStyle
import org.bouncycastle.asn1.x500.style.IETFUtils
import org.bouncycastle.asn1.x509.BasicConstraints
import org.bouncycastle.asn1.x509.ExtendedKeyUsage
import org.bouncycastle.asn1.x509.Extension
import org.bouncycastle.asn1.x509.GeneralName
import org.bouncycastle.asn1.x509.GeneralNames
import org.bouncycastle.asn1.x509.KeyPurposeId
import org.bouncycastle.asn1.x509.KeyUsage
import org.bouncycastle.cert.X509v3CertificateBuilder
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder
import java.math.BigInteger
import java.security.KeyPair
import java.security.KeyPairGenerator
import java.security.KeyStore
import java.security.cert.X509Certificate
import java.security.spec.ECGenParameterSpec
import java.util.Date
import java.util.concurrent.atomic.AtomicLong

/** A certificate with its key pair. */
internal class KeyedCertificate(val certificate: X509Certificate, val keyPair: KeyPair) {
    val certificatePem: String get() = Pem.encode(certificate)
    val privateKeyPem: String get() = Pem.encodePrivateKey(keyPair.private)
}

/**
 * A throw-away certificate authority created at server start: it signs the serving certificate
 * (for `localhost` and `127.0.0.1`) and client certificates whose CN is the user and O the groups,
 * as the API server's client-certificate authenticator reads them.
 */
internal class CertificateAuthority(name: String = "kube-test-ca") {
    private val serial = AtomicLong(System.currentTimeMillis())
    private val subject = X500Name("CN=$name")
    val root: KeyedCertificate

    init {
        val keys = newKeyPair()
        val builder = JcaX509v3CertificateBuilder(subject, nextSerial(), notBefore(), notAfter(), subject, keys.public)
            .addExtension(Extension.basicConstraints, true, BasicConstraints(true))
            .addExtension(Extension.keyUsage, true, KeyUsage(KeyUsage.keyCertSign or KeyUsage.cRLSign or KeyUsage.digitalSignature))
        root = KeyedCertificate(sign(builder, keys), keys)
    }

    /** A serving certificate for [hosts] (DNS names or IP addresses). */
    fun issueServer(hosts: List<String>): KeyedCertificate {
        val keys = newKeyPair()
        val sans = hosts.map { host ->
            if (host.first().isDigit() || host.contains(':')) GeneralName(GeneralName.iPAddress, host) else GeneralName(GeneralName.dNSName, host)
        }
        val builder = JcaX509v3CertificateBuilder(subject, nextSerial(), notBefore(), notAfter(), X500Name("CN=kube-apiserver"), keys.public)
            .addExtension(Extension.subjectAlternativeName, false, GeneralNames(sans.toTypedArray()))
            .addExtension(Extension.keyUsage, true, KeyUsage(KeyUsage.digitalSignature or KeyUsage.keyEncipherment))
            .addExtension(Extension.extendedKeyUsage, false, ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        return KeyedCertificate(sign(builder, root.keyPair), keys)
    }

    /** A client certificate naming [user] (CN) and [groups] (O). */
    fun issueClient(user: String, groups: List<String>): KeyedCertificate {
        val keys = newKeyPair()
        val rdns = org.bouncycastle.asn1.x500.X500NameBuilder(BCStyle.INSTANCE)
        groups.forEach { rdns.addRDN(BCStyle.O, it) }
        rdns.addRDN(BCStyle.CN, user)
        val builder = JcaX509v3CertificateBuilder(subject, nextSerial(), notBefore(), notAfter(), rdns.build(), keys.public)
            .addExtension(Extension.keyUsage, true, KeyUsage(KeyUsage.digitalSignature or KeyUsage.keyEncipherment))
            .addExtension(Extension.extendedKeyUsage, false, ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
        return KeyedCertificate(sign(builder, root.keyPair), keys)
    }

    /** A PKCS#12 key store holding [serving] with the CA in its chain, under alias `server` and an empty password. */
    fun keyStore(serving: KeyedCertificate): KeyStore = KeyStore.getInstance("PKCS12").apply {
        load(null, null)
        setKeyEntry("server", serving.keyPair.private, CharArray(0), arrayOf(serving.certificate, root.certificate))
    }

    /** A trust store holding only this CA. */
    fun trustStore(): KeyStore = KeyStore.getInstance("PKCS12").apply {
        load(null, null)
        setCertificateEntry("ca", root.certificate)
    }

    private fun sign(builder: X509v3CertificateBuilder, issuer: KeyPair): X509Certificate {
        val holder = builder.build(JcaContentSignerBuilder("SHA256withECDSA").build(issuer.private))
        return JcaX509CertificateConverter().getCertificate(holder)
    }

    private fun newKeyPair(): KeyPair =
        KeyPairGenerator.getInstance("EC").apply { initialize(ECGenParameterSpec("secp256r1")) }.generateKeyPair()

    private fun nextSerial() = BigInteger.valueOf(serial.incrementAndGet())
    private fun notBefore() = Date(System.currentTimeMillis() - 3_600_000L)
    private fun notAfter() = Date(System.currentTimeMillis() + 365L * 24 * 3_600_000L)

    companion object {
        /** The user (CN) and groups (O) a client certificate names. */
        fun identityOf(certificate: X509Certificate): Pair<String, List<String>> {
            val name = JcaX509CertificateHolder(certificate).subject
            val cn = name.getRDNs(BCStyle.CN).firstOrNull()?.let { IETFUtils.valueToString(it.first.value) } ?: ""
            val groups = name.getRDNs(BCStyle.O).map { IETFUtils.valueToString(it.first.value) }
            return cn to groups
        }
    }
}
