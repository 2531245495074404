package io.kubekt.auth

import java.security.PrivateKey
import java.security.cert.X509Certificate

/**
 * A client certificate chain (leaf first) and its private key, as presented in a TLS handshake.
 * Built only after [KeyPairCheck] has matched the key to the leaf. `toString` shows the subject only.
 */
internal class ClientKeyMaterial(val chain: List<X509Certificate>, val key: PrivateKey) {
    init {
        require(chain.isNotEmpty()) { "a client certificate chain needs at least one certificate" }
    }

    val leaf: X509Certificate get() = chain.first()

    override fun toString(): String = "ClientKeyMaterial(subject=${leaf.subjectX500Principal.name}, key=<redacted>)"

    companion object {
        /** Parses and matches PEM [certificatePem] and [keyPem]; origins are for messages only. */
        fun fromPem(certificatePem: ByteArray, keyPem: ByteArray, certificateOrigin: String, keyOrigin: String): ClientKeyMaterial {
            val chain = PemReader.certificates(certificatePem, certificateOrigin)
            val key = PemReader.privateKey(keyPem, keyOrigin)
            KeyPairCheck.requireMatch(chain.first(), key, certificateOrigin, keyOrigin)
            return ClientKeyMaterial(chain, key)
        }
    }
}

/**
 * Supplies the current client key material, or null when there is none right now. Called on
 * TLS handshake threads: it must not block for long and must not throw.
 */
internal fun interface ClientKeySource {
    fun current(): ClientKeyMaterial?
}
