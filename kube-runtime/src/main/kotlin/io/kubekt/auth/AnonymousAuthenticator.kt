package io.kubekt.auth

/** Sends no `Authorization` header: anonymous access, or a client certificate alone. */
internal object AnonymousAuthenticator : Authenticator {
    override suspend fun authorization(): String? = null

    override fun toString(): String = "AnonymousAuthenticator"
}
