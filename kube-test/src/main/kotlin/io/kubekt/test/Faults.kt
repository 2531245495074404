package io.kubekt.test

import io.kubekt.test.watch.FailureRule
import io.kubekt.test.watch.FaultState
import java.time.Duration

/**
 * Fault injection, called from the test while clients talk to the server: failed requests,
 * latency, dropped or stalled watch streams, compacted history, restarts.
 *
 * Every method is thread-safe and takes effect for requests arriving after it returns.
 */
public class Faults internal constructor(
    private val state: FaultState,
    private val compact: () -> Unit,
    private val restartServer: (Boolean) -> Unit,
) {
    /**
     * Answers the next [times] requests matching [filter] with [status] (429, 500, 503, 504, ...)
     * and the Status body a real server sends for it; 429 carries `Retry-After: [retryAfterSeconds]`.
     */
    @JvmOverloads
    public fun failNext(times: Int, status: Int, filter: RequestFilter = RequestFilter.any(), retryAfterSeconds: Int? = null): Faults = apply {
        require(times > 0) { "times must be positive, was $times" }
        require(status in 400..599) { "status must be an HTTP error status, was $status" }
        val retry = retryAfterSeconds ?: if (status == 429) 1 else null
        state.failures += FailureRule(filter, status, retry, times)
    }

    /** Delays every request matching [filter] by [delay] before it is handled (adds up with earlier calls). */
    @JvmOverloads
    public fun latency(delay: Duration, filter: RequestFilter = RequestFilter.any()): Faults = apply {
        state.latencies += filter to delay
    }

    /** Ends every open watch stream now, as a server closing its side does (the client sees end of stream). */
    public fun dropWatches(): Faults = apply { state.watches.forEach { it.drop() } }

    /** Ends each watch stream open now after it has sent [events] more events. */
    public fun dropWatchesAfter(events: Int): Faults = apply { state.watches.forEach { it.dropAfter(events) } }

    /** Stops writing to every watch stream, open or new, keeping the connections open, until [resumeWatches]. */
    public fun stallWatches(): Faults = apply { state.stalled = true }

    /** Lets stalled watch streams deliver what they held back. */
    public fun resumeWatches(): Faults = apply { state.stalled = false }

    /** The number of watch streams currently open. */
    public fun openWatches(): Int = state.watches.size

    /** Forgets the event history: every resourceVersion before now gets 410 Gone/Expired. */
    public fun compactHistory(): Faults = apply { compact() }

    /**
     * Closes every connection, as an API server restart does. With [keepState] false every object
     * is forgotten (the cluster starts over with its default namespaces) and old resourceVersions are compacted.
     */
    public fun restart(keepState: Boolean): Faults = apply { restartServer(keepState) }

    /** Removes queued failures, latency and stalls (open watch streams keep running). */
    public fun clear(): Faults = apply { state.clear() }
}
