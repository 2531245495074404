package io.kubekt.auth

/**
 * The credential an exec plugin returned: a bearer [token], client key [material], or both, valid
 * until [expiresAtMillis] (epoch milliseconds; null means for the life of the client).
 */
internal class ExecCredential(val token: String?, val material: ClientKeyMaterial?, val expiresAtMillis: Long?) {
    /** The `Authorization` header value, or null for a certificate-only credential. */
    val header: String? = token?.let { "Bearer $it" }

    fun isExpired(nowMillis: Long): Boolean = expiresAtMillis != null && nowMillis >= expiresAtMillis

    override fun toString(): String =
        "ExecCredential(token=${if (token == null) "none" else "<redacted>"}, material=$material, expiresAtMillis=$expiresAtMillis)"
}
