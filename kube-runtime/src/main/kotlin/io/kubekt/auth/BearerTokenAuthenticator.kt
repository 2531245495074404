package io.kubekt.auth

/** Sends a fixed bearer token. A 401 cannot be fixed by retrying, so [onUnauthorized] stays false. */
internal class BearerTokenAuthenticator(token: String) : Authenticator {
    private val header = "Bearer $token"

    override suspend fun authorization(): String = header

    override fun toString(): String = "BearerTokenAuthenticator(token=<redacted>)"
}
