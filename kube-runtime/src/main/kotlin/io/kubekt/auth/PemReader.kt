package io.kubekt.auth

import io.kubekt.config.PemSource
import io.kubekt.error.TlsException
import org.bouncycastle.asn1.ASN1Encodable
import org.bouncycastle.asn1.ASN1Null
import org.bouncycastle.asn1.ASN1ObjectIdentifier
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo
import org.bouncycastle.asn1.x509.AlgorithmIdentifier
import org.bouncycastle.asn1.x9.X9ECParameters
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers
import org.bouncycastle.cert.X509CertificateHolder
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter
import org.bouncycastle.openssl.PEMEncryptedKeyPair
import org.bouncycastle.openssl.PEMKeyPair
import org.bouncycastle.openssl.PEMParser
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo
import java.io.IOException
import java.io.InputStreamReader
import java.nio.file.AccessDeniedException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.security.PrivateKey
import java.security.cert.X509Certificate

/**
 * Reads certificates and private keys from PEM, with BouncyCastle doing the decoding (see
 * `docs/decisions/pem-library.md`). Used for client certificates and keys, exec plugin results
 * and, by the transport, CA bundles.
 *
 * Keys may be PKCS#1 RSA (`RSA PRIVATE KEY`), PKCS#8 (`PRIVATE KEY`) or SEC1 EC (`EC PRIVATE KEY`,
 * optionally after an `EC PARAMETERS` block). Encrypted keys are rejected. Keys come back as the
 * JDK's own key classes (no security provider is registered).
 *
 * Every failure is a [TlsException] naming the origin — the file path or `inline data`, plus the
 * kubeconfig field when given — and never the PEM bytes.
 */
internal object PemReader {
    private val certificateConverter = JcaX509CertificateConverter()
    private val keyConverter = JcaPEMKeyConverter()

    /**
     * All certificates in [source], in order (a chain starts with the leaf). [field] is the
     * kubeconfig field without `-data`, e.g. `client-certificate`, used only in messages.
     */
    fun certificates(source: PemSource, field: String? = null): List<X509Certificate> =
        certificates(read(source, field, "certificate"), origin(source, field))

    /** The one private key in [source]; [field] as for [certificates]. */
    fun privateKey(source: PemSource, field: String? = null): PrivateKey =
        privateKey(read(source, field, "private key"), origin(source, field))

    /** All certificates in [pem]; [origin] says where the bytes came from, for messages. */
    fun certificates(pem: ByteArray, origin: String): List<X509Certificate> {
        val certificates = parse(pem, origin, "certificate").map { block ->
            when (block) {
                is X509CertificateHolder -> convert(block, origin)
                else -> null
            }
        }.filterNotNull()
        if (certificates.isEmpty()) {
            throw TlsException("No PEM CERTIFICATE block found in $origin")
        }
        return certificates
    }

    /** The first private key in [pem]; [origin] as for [certificates]. */
    fun privateKey(pem: ByteArray, origin: String): PrivateKey {
        var curve: ASN1Encodable? = null
        for (block in parse(pem, origin, "private key")) {
            val info: PrivateKeyInfo? = when (block) {
                is ASN1ObjectIdentifier, is X9ECParameters -> null.also { curve = block as ASN1Encodable }
                is PEMKeyPair -> withCurve(block.privateKeyInfo, curve, origin)
                is PrivateKeyInfo -> block
                is PEMEncryptedKeyPair, is PKCS8EncryptedPrivateKeyInfo ->
                    throw TlsException("The private key in $origin is encrypted; kubekt needs an unencrypted key")
                else -> null
            }
            if (info != null) return convert(info, origin)
        }
        throw TlsException(
            "No PEM private key (RSA PRIVATE KEY, PRIVATE KEY or EC PRIVATE KEY block) found in $origin",
        )
    }

    /** [info] with its EC curve taken from a preceding `EC PARAMETERS` block when the SEC1 key leaves it out. */
    private fun withCurve(info: PrivateKeyInfo, curve: ASN1Encodable?, origin: String): PrivateKeyInfo {
        val algorithm = info.privateKeyAlgorithm
        if (algorithm.algorithm != X9ObjectIdentifiers.id_ecPublicKey) return info
        val parameters = algorithm.parameters
        if (parameters != null && parameters !is ASN1Null) return info
        if (curve == null) {
            throw TlsException("The EC private key in $origin does not name its curve, and no EC PARAMETERS block precedes it")
        }
        return PrivateKeyInfo(AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), info.parsePrivateKey())
    }

    /** `/path (kubeconfig client-key)`, `inline data (kubeconfig client-key-data)` or just the path. */
    fun origin(source: PemSource, field: String?): String = when {
        field == null -> source.describe()
        source is PemSource.File -> "${source.describe()} (kubeconfig $field)"
        else -> "${source.describe()} (kubeconfig $field-data)"
    }

    private fun read(source: PemSource, field: String?, what: String): ByteArray = when (source) {
        is PemSource.Data -> source.bytes
        is PemSource.File -> try {
            Files.readAllBytes(source.path)
        } catch (e: NoSuchFileException) {
            throw TlsException("The $what file ${origin(source, field)} does not exist", e)
        } catch (e: AccessDeniedException) {
            throw TlsException("The $what file ${origin(source, field)} cannot be read: permission denied", e)
        } catch (e: IOException) {
            throw TlsException("The $what file ${origin(source, field)} cannot be read (${e.javaClass.simpleName})", e)
        }
    }

    /** Every PEM object BouncyCastle recognises in [pem], in order. */
    private fun parse(pem: ByteArray, origin: String, what: String): List<Any> {
        val blocks = ArrayList<Any>()
        try {
            PEMParser(InputStreamReader(pem.inputStream(), Charsets.US_ASCII)).use { parser ->
                while (true) blocks.add(parser.readObject() ?: break)
            }
        } catch (e: IOException) {
            // The cause's message is left out: the message must not risk echoing key material.
            throw TlsException("Malformed PEM where a $what was expected in $origin", e)
        } catch (e: IllegalArgumentException) {
            throw TlsException("Malformed PEM where a $what was expected in $origin", e)
        }
        return blocks
    }

    private fun convert(holder: X509CertificateHolder, origin: String): X509Certificate = try {
        certificateConverter.getCertificate(holder)
    } catch (e: Exception) {
        throw TlsException("A CERTIFICATE block in $origin is not a valid X.509 certificate", e)
    }

    private fun convert(info: PrivateKeyInfo, origin: String): PrivateKey = try {
        keyConverter.getPrivateKey(info)
    } catch (e: Exception) {
        throw TlsException(
            "The private key in $origin uses an unsupported algorithm (${info.privateKeyAlgorithm.algorithm.id})",
            e,
        )
    }
}
