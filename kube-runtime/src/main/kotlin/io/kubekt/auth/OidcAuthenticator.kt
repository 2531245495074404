package io.kubekt.auth

import io.kubekt.config.OidcConfig
import io.kubekt.error.AuthException
import io.kubekt.transport.KubeClock
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.slf4j.LoggerFactory
import kotlin.time.Duration.Companion.seconds

/**
 * The kubeconfig `auth-provider: oidc`: sends the id-token while its `exp` (read without
 * verifying the signature) is more than [EXPIRY_MARGIN] away on [clock]; a token whose `exp`
 * cannot be read is used until the server answers 401. When the token has expired or was rejected
 * and the configuration has `idp-issuer-url`, `client-id` and `refresh-token`, a new one is fetched
 * from the issuer's token endpoint (one refresh at a time, under a [Mutex]).
 *
 * Refreshed tokens live in memory only; the kubeconfig is not rewritten
 * (see `docs/decisions/oidc-refresh.md`).
 */
internal class OidcAuthenticator(
    private val config: OidcConfig,
    private val clock: KubeClock,
    private val endpoint: OidcTokenEndpoint? = endpointFor(config),
) : Authenticator {
    private val mutex = Mutex()

    @Volatile private var state = State(config.idToken?.ifEmpty { null }, config.refreshToken?.ifEmpty { null }, rejected = false)

    private class State(val idToken: String?, val refreshToken: String?, val rejected: Boolean) {
        val expiresAtMillis: Long? = idToken?.let(JwtExpiry::expiresAtMillis)
    }

    override suspend fun authorization(): String {
        state.takeIf(::usable)?.let { return "Bearer ${it.idToken}" }
        return mutex.withLock {
            state.takeIf(::usable)?.let { return@withLock "Bearer ${it.idToken}" }
            "Bearer " + refresh()
        }
    }

    /** Marks the rejected id-token stale; true when a refresh can be tried. */
    override suspend fun onUnauthorized(rejected: String?): Boolean = mutex.withLock {
        val current = state
        if (endpoint == null || current.refreshToken == null) return@withLock false
        if (current.idToken != null && rejected == "Bearer ${current.idToken}") {
            state = State(current.idToken, current.refreshToken, rejected = true)
        }
        true
    }

    override fun toString(): String = "OidcAuthenticator(issuerUrl=${config.issuerUrl}, clientId=${config.clientId})"

    private fun usable(s: State): Boolean {
        if (s.idToken == null || s.rejected) return false
        val expiresAt = s.expiresAtMillis ?: return true
        return clock.currentTimeMillis() + EXPIRY_MARGIN.inWholeMilliseconds < expiresAt
    }

    private suspend fun refresh(): String {
        val current = state
        val refreshToken = current.refreshToken
        if (endpoint == null || refreshToken == null) throw AuthException(cannotRefresh(current))
        val tokens = endpoint.refresh(refreshToken)
        state = State(tokens.idToken, tokens.refreshToken ?: refreshToken, rejected = false)
        log.debug("Refreshed the OIDC id-token from {}", config.issuerUrl)
        return tokens.idToken
    }

    private fun cannotRefresh(current: State): String {
        val why = if (current.idToken == null) "no id-token is configured" else "the id-token has expired or was rejected"
        val missing = listOfNotNull(
            "idp-issuer-url".takeIf { config.issuerUrl.isNullOrEmpty() },
            "client-id".takeIf { config.clientId.isNullOrEmpty() },
            "refresh-token".takeIf { current.refreshToken == null },
        )
        return "OIDC auth-provider: $why and it cannot be refreshed without ${missing.joinToString(", ")}; " +
            "log in again to get a new token"
    }

    internal companion object {
        /** Refresh this long before `exp`, so a token does not expire in flight. */
        val EXPIRY_MARGIN = 10.seconds
        private val log = LoggerFactory.getLogger(OidcAuthenticator::class.java)

        fun endpointFor(config: OidcConfig): OidcTokenEndpoint? {
            val issuer = config.issuerUrl?.ifEmpty { null } ?: return null
            val clientId = config.clientId?.ifEmpty { null } ?: return null
            return OidcTokenEndpoint(issuer, clientId, config.clientSecret?.ifEmpty { null }, config.issuerCertificateAuthority)
        }
    }
}
