package io.kubekt.config

import java.nio.file.Path

/**
 * What the client sends to prove who it is, besides a TLS client certificate (see [TlsConfig]).
 *
 * `toString` of every variant hides secrets.
 */
public sealed class Credentials {
    /** No Authorization header (anonymous, or client-certificate only). */
    public data object None : Credentials()

    /** A fixed bearer token. */
    public class Token(public val token: String) : Credentials() {
        override fun equals(other: Any?): Boolean = other is Token && other.token == token
        override fun hashCode(): Int = token.hashCode()
        override fun toString(): String = "Credentials.Token(<redacted>)"
    }

    /** A bearer token read from [path] and re-read at least every minute, so rotated tokens keep working. */
    public data class TokenFile(public val path: Path) : Credentials()

    /** HTTP basic authentication. */
    public class Basic(public val username: String, public val password: String) : Credentials() {
        override fun equals(other: Any?): Boolean =
            other is Basic && other.username == username && other.password == password
        override fun hashCode(): Int = 31 * username.hashCode() + password.hashCode()
        override fun toString(): String = "Credentials.Basic(username=$username, password=<redacted>)"
    }

    /** A client-go exec credential plugin. */
    public data class Exec(public val config: ExecConfig) : Credentials()

    /** The `oidc` auth provider: an id-token, refreshed with a refresh token when an issuer is given. */
    public data class Oidc(public val config: OidcConfig) : Credentials()
}
