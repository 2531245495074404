package io.kubekt.auth

import io.kubekt.error.TlsException
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util
import org.bouncycastle.math.ec.FixedPointCombMultiplier
import java.security.PrivateKey
import java.security.PublicKey
import java.security.SecureRandom
import java.security.Signature
import java.security.cert.X509Certificate
import java.security.interfaces.ECPrivateKey
import java.security.interfaces.ECPublicKey
import java.security.interfaces.RSAPrivateCrtKey
import java.security.interfaces.RSAPrivateKey
import java.security.interfaces.RSAPublicKey

/**
 * Checks that a private key belongs to a certificate, so a mismatched pair fails with a clear
 * message when the configuration is read rather than as an obscure handshake failure.
 *
 * RSA and EC compare the public key derived from the private key with the certificate's; other
 * algorithms (Ed25519, ...) sign a random challenge and verify it with the certificate.
 */
internal object KeyPairCheck {
    /** Throws [TlsException] naming [certificateOrigin] and [keyOrigin] unless [key] matches [certificate]. */
    fun requireMatch(certificate: X509Certificate, key: PrivateKey, certificateOrigin: String, keyOrigin: String) {
        if (!matches(certificate.publicKey, key)) {
            throw TlsException(
                "The client key from $keyOrigin does not belong to the client certificate from $certificateOrigin " +
                    "(certificate subject ${certificate.subjectX500Principal.name}, its public key differs from the " +
                    "key's); check that both come from the same pair",
            )
        }
    }

    /** True when [key] is the private half of [public]. */
    fun matches(public: PublicKey, key: PrivateKey): Boolean = when {
        public is RSAPublicKey && key is RSAPrivateCrtKey ->
            public.modulus == key.modulus && public.publicExponent == key.publicExponent
        public is RSAPublicKey && key is RSAPrivateKey -> public.modulus == key.modulus
        public is ECPublicKey && key is ECPrivateKey -> ecMatches(public, key)
        public.algorithm != key.algorithm -> false
        else -> signatureMatches(public, key)
    }

    private fun ecMatches(public: ECPublicKey, key: ECPrivateKey): Boolean {
        val spec = EC5Util.convertSpec(key.params)
        if (spec.curve != EC5Util.convertSpec(public.params).curve) return false
        val derived = FixedPointCombMultiplier().multiply(spec.g, key.s).normalize()
        return derived.affineXCoord.toBigInteger() == public.w.affineX &&
            derived.affineYCoord.toBigInteger() == public.w.affineY
    }

    private fun signatureMatches(public: PublicKey, key: PrivateKey): Boolean = try {
        val challenge = ByteArray(32).also { SecureRandom().nextBytes(it) }
        val signature = Signature.getInstance(key.algorithm).run {
            initSign(key)
            update(challenge)
            sign()
        }
        Signature.getInstance(public.algorithm).run {
            initVerify(public)
            update(challenge)
            verify(signature)
        }
    } catch (e: java.security.GeneralSecurityException) {
        false
    }
}
