package io.kubekt.informer.watch

import io.kubekt.error.ApiException
import io.kubekt.error.TransportException
import kotlin.random.Random
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/** Which watch failures a [ResumableWatch] retries, and how long it waits before the next attempt. */
internal object WatchRetry {
    private const val MAX_DOUBLINGS = 30

    /**
     * Transport failures (reset, GOAWAY, timeouts) and server-side trouble (5xx, `Timeout`
     * including "Too large resource version", 429) can pass; 410 cannot (the position is gone)
     * and neither can 4xx answers about the request itself (403, 404, 400, 422) or a body that
     * does not decode (reopening from the same resourceVersion would meet it again).
     */
    fun isRetryable(e: Exception): Boolean = when (e) {
        is TransportException -> true
        is ApiException -> !e.isGone && (e.isServerError || e.isTimeout || e.isTooManyRequests)
        is java.io.IOException -> true
        else -> false
    }

    /**
     * The wait before the next watch after [failures] consecutive failures (the last one
     * [failure], null for a stream that ended with nothing): none for the first, then
     * [ResumableWatchConfig.initialBackoff] doubling up to [ResumableWatchConfig.maxBackoff],
     * jittered to between half and all of it, and never shorter than a 429's Retry-After.
     */
    fun delayAfter(failures: Int, failure: Exception?, config: ResumableWatchConfig, random: Random): Duration {
        if (failures < 2) return Duration.ZERO
        var backoff = config.initialBackoff
        repeat(minOf(failures - 2, MAX_DOUBLINGS)) { backoff *= 2 }
        val half = minOf(backoff, config.maxBackoff) / 2
        val jittered = half + half * random.nextDouble()
        val retryAfter = (failure as? ApiException)?.retryAfterSeconds?.seconds ?: Duration.ZERO
        return maxOf(jittered, retryAfter)
    }
}
