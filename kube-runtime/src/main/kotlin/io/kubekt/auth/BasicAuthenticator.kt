package io.kubekt.auth

import java.util.Base64

/** HTTP basic authentication: `Authorization: Basic base64(username:password)`, UTF-8 encoded. */
internal class BasicAuthenticator(private val username: String, password: String) : Authenticator {
    private val header = "Basic " + Base64.getEncoder().encodeToString("$username:$password".toByteArray(Charsets.UTF_8))

    override suspend fun authorization(): String = header

    override fun toString(): String = "BasicAuthenticator(username=$username, password=<redacted>)"
}
