package io.kubekt.auth

import io.kubekt.config.ClientConfig

/** Picks the [Authenticator] for a configuration's credentials and client certificate. */
internal object Authenticators {
    fun forConfig(config: ClientConfig): Authenticator = TODO("auth: ${config.credentials::class.simpleName}")
}
