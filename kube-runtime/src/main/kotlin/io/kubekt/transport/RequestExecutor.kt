package io.kubekt.transport

import io.kubekt.request.KubeRequest
import kotlinx.coroutines.flow.Flow

/**
 * Sends [KubeRequest]s. [HttpTransport] is the real one; clients depend on this interface so their
 * decoding and API shape can be tested without a server.
 *
 * - [execute] returns the response of a 2xx answer; any other answer throws
 *   [io.kubekt.error.ApiException] carrying the server's Status (or one synthesized from the code
 *   and body); connection failures throw [io.kubekt.error.TransportException], TLS failures
 *   [io.kubekt.error.TlsException]. Cancelling the calling coroutine aborts the HTTP call.
 * - [streamLines] is cold: each collect sends the request, emits every newline-delimited line as
 *   soon as it arrives (without the newline; empty lines skipped), and closes the connection when
 *   the collector stops or is cancelled. A non-2xx answer throws as [execute] does.
 */
internal interface RequestExecutor : AutoCloseable {
    suspend fun execute(request: KubeRequest): KubeResponse

    fun streamLines(request: KubeRequest): Flow<String>
}
