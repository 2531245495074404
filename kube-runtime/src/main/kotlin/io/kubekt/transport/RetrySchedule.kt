package io.kubekt.transport

import kotlin.math.min
import kotlin.random.Random
import kotlin.time.Duration
import kotlin.time.Duration.Companion.nanoseconds
import kotlin.time.toKotlinDuration

/**
 * How long to wait before each retry: exponential backoff with "equal jitter" (half the step
 * fixed, half random), so retrying clients spread out but never retry sooner than half the step.
 * A server's `Retry-After` replaces the backoff, capped at [RetryConfig.maxBackoff].
 */
internal class RetrySchedule(private val config: RetryConfig, private val random: Random = Random.Default) {
    private val initialNanos = config.initialBackoff.toNanos()
    private val maxNanos = config.maxBackoff.toNanos()

    val maxRetries: Int get() = config.maxRetries

    /** The wait before retry number [retry] (0 for the first retry). */
    fun delayBefore(retry: Int, retryAfter: Duration?): Duration {
        if (retryAfter != null) return minOf(retryAfter, config.maxBackoff.toKotlinDuration())
        val step = min(maxNanos, initialNanos.shlCapped(retry))
        val half = step / 2
        return (half + (random.nextDouble() * (step - half)).toLong()).nanoseconds
    }

    private fun Long.shlCapped(shift: Int): Long =
        if (shift >= 62 || this > (Long.MAX_VALUE shr shift)) Long.MAX_VALUE else this shl shift
}
