package io.kubekt.transport

import kotlinx.coroutines.CancellationException
import kotlin.math.ceil
import kotlin.math.min
import kotlin.time.Duration.Companion.nanoseconds

/**
 * Client-side rate limit: a token bucket holding up to [burst] tokens, refilled at [qps] per
 * second on [clock]. Each request takes one token; without one it waits for its turn.
 *
 * Fair: a caller reserves its slot under a lock when it arrives, so callers go in arrival order
 * (as client-go's limiter does) and nobody is overtaken by a later caller. A caller cancelled
 * while waiting gives its token back.
 */
internal class TokenBucketRateLimiter(
    private val qps: Double,
    private val burst: Int,
    private val clock: KubeClock,
) {
    init {
        require(qps > 0.0) { "qps must be positive to limit, was $qps" }
        require(burst >= 1) { "burst must be at least 1, was $burst" }
    }

    private val lock = Any()
    private var tokens: Double = burst.toDouble()
    private var lastRefill: Long = clock.nanoTime()

    /** Takes a token, suspending on [clock] until one is due. */
    suspend fun acquire() {
        val waitNanos = reserve()
        if (waitNanos <= 0) return
        try {
            clock.delay(waitNanos.nanoseconds)
        } catch (e: CancellationException) {
            synchronized(lock) { tokens = min(burst.toDouble(), tokens + 1.0) }
            throw e
        }
    }

    /** Takes a token now (possibly going into debt) and returns how long the caller must wait. */
    private fun reserve(): Long = synchronized(lock) {
        val now = clock.nanoTime()
        val elapsedSeconds = (now - lastRefill).coerceAtLeast(0) / 1e9
        tokens = min(burst.toDouble(), tokens + elapsedSeconds * qps)
        lastRefill = now
        tokens -= 1.0
        if (tokens >= 0.0) 0L else ceil(-tokens / qps * 1e9).toLong()
    }

    companion object {
        /** A limiter for [qps]/[burst], or null when [qps] is zero or less (limiting off). */
        fun orNull(qps: Double, burst: Int, clock: KubeClock): TokenBucketRateLimiter? =
            if (qps <= 0.0) null else TokenBucketRateLimiter(qps, burst, clock)
    }
}
