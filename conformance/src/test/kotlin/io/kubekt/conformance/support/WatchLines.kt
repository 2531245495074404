package io.kubekt.conformance.support

import io.kubekt.error.TransportException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.ClosedReceiveChannelException
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * An open watch (`RestRequest.stream()`), collected in [scope] into a queue so a test can write
 * and then read the events: `WatchLines(this, request.stream()).use { w -> ...; w.next() }`.
 * Each line is one JSON watch event (`{"type":..,"object":..}`): the framing is asserted by parsing.
 * Closing cancels the collection, which closes the connection.
 */
class WatchLines(scope: CoroutineScope, lines: Flow<String>) : AutoCloseable {
    private val queue = Channel<String>(Channel.UNLIMITED)
    private val job = scope.launch {
        try {
            lines.collect { queue.send(it) }
            queue.close()
        } catch (e: Throwable) {
            queue.close(e)
            if (e is kotlinx.coroutines.CancellationException) throw e
        }
    }

    /** The next event; null at the end of the stream or after [timeout]. Rethrows what failed the stream. */
    suspend fun next(timeout: Duration = 10.seconds): JsonObject? = withTimeoutOrNull(timeout) {
        try {
            Json.parseToJsonElement(queue.receive()).jsonObject
        } catch (_: ClosedReceiveChannelException) {
            null
        }
    }

    /** The next event that is not a BOOKMARK (see [next]). */
    suspend fun nextNonBookmark(timeout: Duration = 10.seconds): JsonObject? {
        while (true) {
            val event = next(timeout) ?: return null
            if (event.str("type") != "BOOKMARK") return event
        }
    }

    /**
     * True when the stream ended within [timeout], cleanly or by a broken connection (a server
     * restart resets HTTP/2 streams); events still queued are skipped.
     */
    suspend fun awaitEnd(timeout: Duration = 10.seconds): Boolean = withTimeoutOrNull(timeout) {
        try {
            while (true) queue.receive()
            @Suppress("UNREACHABLE_CODE") false
        } catch (_: ClosedReceiveChannelException) {
            true
        } catch (_: TransportException) {
            true
        }
    } ?: false

    /** True while the connection is open. */
    val isOpen: Boolean get() = job.isActive

    override fun close() {
        job.cancel()
    }
}
