package io.kubekt.informer.queue

import java.time.Duration
import java.util.concurrent.ConcurrentHashMap

/**
 * Per-key exponential backoff: the n-th consecutive failure of a key waits `base * 2^(n-1)`,
 * at most [max] (client-go's ItemExponentialFailureRateLimiter).
 */
public class ExponentialBackoffRateLimiter(
    private val base: Duration,
    private val max: Duration,
) : RateLimiter<Any?> {
    private val failures = ConcurrentHashMap<Any, Int>()

    init {
        require(!base.isNegative && !base.isZero) { "base must be positive, was $base" }
        require(max >= base) { "max ($max) must not be shorter than base ($base)" }
    }

    override fun delayFor(key: Any?): Duration {
        val previous = failures.merge(key ?: NULL_KEY, 1) { old, _ -> old + 1 }!! - 1
        if (previous >= MAX_SHIFT) return max
        val nanos = base.toNanos()
        val factor = 1L shl previous
        return if (nanos > max.toNanos() / factor) max else Duration.ofNanos(nanos * factor)
    }

    override fun forget(key: Any?) {
        failures.remove(key ?: NULL_KEY)
    }

    override fun retries(key: Any?): Int = failures[key ?: NULL_KEY] ?: 0

    private companion object {
        const val MAX_SHIFT = 62
        val NULL_KEY = Any()
    }
}
