package io.kubekt.auth

import io.kubekt.config.ClientConfig
import io.kubekt.config.Credentials
import io.kubekt.error.TlsException
import io.kubekt.transport.KubeClock
import javax.net.ssl.SSLContext

/**
 * Picks the [Authenticator] for a configuration's credentials and client certificate.
 *
 * The result's [Authenticator.keyManager] is a [DynamicKeyManager] when the configuration has a
 * client certificate and key or uses an exec plugin (whose result may carry a certificate; before
 * it has run, or when it returns only a token, the key manager offers no certificate). An exec
 * plugin's certificate takes precedence over the kubeconfig's. Without either it is null.
 *
 * Throws [TlsException] when the configured client certificate or key is missing, malformed or
 * mismatched, and [io.kubekt.error.ConfigException] for an unusable exec configuration — at
 * construction, not on the first request.
 */
internal object Authenticators {
    fun forConfig(config: ClientConfig, clock: KubeClock = config.clock): Authenticator {
        val credentials = config.credentials
        val authenticator = when (credentials) {
            is Credentials.None -> AnonymousAuthenticator
            is Credentials.Token -> BearerTokenAuthenticator(credentials.token)
            is Credentials.TokenFile -> TokenFileAuthenticator(credentials.path, clock)
            is Credentials.Basic -> BasicAuthenticator(credentials.username, credentials.password)
            is Credentials.Exec -> ExecAuthenticator(credentials.config, config, clock)
            is Credentials.Oidc -> OidcAuthenticator(credentials.config, clock)
        }
        val sources = listOfNotNull(authenticator as? ClientKeySource, fileKeySource(config, clock))
        return if (sources.isEmpty()) authenticator else WithKeyManager(authenticator, DynamicKeyManager(sources))
    }

    private fun fileKeySource(config: ClientConfig, clock: KubeClock): ClientKeySource? {
        val certificate = config.tls.clientCertificate
        val key = config.tls.clientKey
        return when {
            certificate != null && key != null -> PemFileKeySource(certificate, key, clock)
            certificate != null -> throw TlsException(
                "A client certificate is configured (${config.source}) but no client-key or client-key-data",
            )
            key != null -> throw TlsException(
                "A client key is configured (${config.source}) but no client-certificate or client-certificate-data",
            )
            else -> null
        }
    }

    /** [delegate] with client key material for the transport's TLS context. */
    private class WithKeyManager(
        private val delegate: Authenticator,
        override val keyManager: DynamicKeyManager,
    ) : Authenticator by delegate {
        override suspend fun authorization(): String? =
            delegate.authorization().also { keyManager.refresh() }

        override fun bindTlsContext(context: SSLContext) {
            keyManager.bind(context)
        }

        override fun close() = delegate.close()

        override fun toString(): String = "$delegate with $keyManager"
    }
}
