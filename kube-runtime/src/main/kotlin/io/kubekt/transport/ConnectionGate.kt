package io.kubekt.transport

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.withTimeoutOrNull
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * Lets one request open the connection before the others use it.
 *
 * Why: when several requests start at once on a client with no connection (informers started on a
 * new client, or reconnecting after a server restart), the JDK HTTP client opens a connection for
 * each of them, keeps one for HTTP/2 and leaves the others open, unused, until the client is
 * garbage-collected (on JDK 17 it has no close()). So while no request has had a response since
 * the last connection failure, requests go one at a time until the first response headers
 * arrive; after that they all share the connection. A waiting request goes ahead anyway after
 * [maxWait], so a slow first response delays the others by at most that much.
 */
internal class ConnectionGate(private val maxWait: Duration = DEFAULT_MAX_WAIT) {
    @Volatile
    private var open = false
    private val probe = Mutex()

    /**
     * Runs [exchange], which must call its argument once response headers arrived. A failure of
     * [exchange] (other than cancellation) closes the gate again: the connection may be gone.
     */
    suspend fun <T> pass(exchange: suspend (onResponse: () -> Unit) -> T): T {
        if (open) return failing { exchange(OPENED) }
        val holding = withTimeoutOrNull(maxWait) { probe.lock() } != null
        if (!holding) return failing { exchange(OPENED) }
        var held = true
        val release = {
            if (held) {
                held = false
                open = true
                probe.unlock()
            }
        }
        try {
            if (open) release()
            return failing { exchange(release) }
        } finally {
            if (held) {
                held = false
                probe.unlock()
            }
        }
    }

    private inline fun <T> failing(block: () -> T): T = try {
        block()
    } catch (e: CancellationException) {
        throw e
    } catch (e: Throwable) {
        open = false
        throw e
    }

    internal companion object {
        val DEFAULT_MAX_WAIT: Duration = 5.seconds
        private val OPENED: () -> Unit = {}
    }
}
