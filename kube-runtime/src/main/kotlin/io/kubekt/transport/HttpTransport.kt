package io.kubekt.transport

import io.kubekt.config.ClientConfig
import io.kubekt.request.KubeRequest
import kotlinx.coroutines.flow.Flow

/**
 * The HTTP engine behind every client: TLS, authentication, impersonation, rate limiting,
 * retries, timeouts, warnings and the User-Agent, applied to [KubeRequest]s.
 *
 * CONTRACT (filled in by the transport work):
 * - [execute] returns the response of a 2xx answer; any other answer throws
 *   [io.kubekt.error.ApiException] carrying the server's Status (or one synthesized from the code
 *   and body); connection failures throw [io.kubekt.error.TransportException], TLS failures
 *   [io.kubekt.error.TlsException]. Cancelling the calling coroutine aborts the HTTP call.
 * - [streamLines] is cold: each collect sends the request, emits every newline-delimited line as
 *   soon as it arrives, and closes the connection when the collector stops or is cancelled.
 */
internal class HttpTransport(val config: ClientConfig) : AutoCloseable {
    suspend fun execute(request: KubeRequest): KubeResponse = TODO("transport")

    fun streamLines(request: KubeRequest): Flow<String> = TODO("transport")

    override fun close() {}
}

/** A 2xx response, fully read. */
internal class KubeResponse(
    val code: Int,
    /** Header names lower-cased. */
    val headers: Map<String, List<String>>,
    val body: ByteArray,
)
