package io.kubekt.transport

import io.kubekt.auth.Authenticator
import io.kubekt.config.ClientConfig
import io.kubekt.request.KubeRequest
import kotlinx.coroutines.flow.Flow

/**
 * The HTTP engine behind every client: TLS, authentication, impersonation, rate limiting,
 * retries, timeouts, warnings and the User-Agent, applied to [KubeRequest]s. See
 * [RequestExecutor] for the contract.
 */
internal class HttpTransport(val config: ClientConfig, val authenticator: Authenticator) : RequestExecutor {
    override suspend fun execute(request: KubeRequest): KubeResponse = TODO("transport")

    override fun streamLines(request: KubeRequest): Flow<String> = TODO("transport")

    override fun close() {
        authenticator.close()
    }
}
