package io.kubekt.informer.queue

import io.kubekt.transport.KubeClock
import java.time.Duration

/**
 * An overall limit on requeues: a bucket of [burst] tokens refilled at [qps] per second; each
 * failure takes a token, waiting until one is due when the bucket is empty (client-go's
 * BucketRateLimiter, golang.org/x/time/rate's reservation semantics). Counts no retries.
 */
public class TokenBucketRateLimiter @JvmOverloads constructor(
    private val qps: Double,
    private val burst: Int,
    private val clock: KubeClock = KubeClock.SYSTEM,
) : RateLimiter<Any?> {
    private var tokens = burst.toDouble()
    private var lastNanos = clock.nanoTime()

    init {
        require(qps > 0.0) { "qps must be positive, was $qps" }
        require(burst > 0) { "burst must be positive, was $burst" }
    }

    @Synchronized
    override fun delayFor(key: Any?): Duration {
        val now = clock.nanoTime()
        tokens = minOf(burst.toDouble(), tokens + (now - lastNanos) / NANOS_PER_SECOND * qps)
        lastNanos = now
        tokens -= 1.0
        return if (tokens >= 0.0) Duration.ZERO else Duration.ofNanos(Math.ceil(-tokens / qps * NANOS_PER_SECOND).toLong())
    }

    override fun forget(key: Any?) {}

    override fun retries(key: Any?): Int = 0

    private companion object {
        const val NANOS_PER_SECOND = 1_000_000_000.0
    }
}
