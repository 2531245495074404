package io.kubekt.informer.queue

import io.kubekt.transport.KubeClock
import java.time.Duration

/**
 * Decides how long a failed key waits before it is processed again (client-go's
 * workqueue.RateLimiter). Implementations are thread-safe.
 */
public interface RateLimiter<in K> {
    /** Counts one more failure of [key] and returns how long it must wait now. */
    public fun delayFor(key: K): Duration

    /** Forgets the failures of [key] (it was processed successfully). */
    public fun forget(key: K)

    /** How many failures of [key] are counted. */
    public fun retries(key: K): Int

    public companion object {
        /**
         * client-go's default controller rate limiter: the larger of a per-key exponential
         * backoff (5 ms doubling to 1000 s) and an overall token bucket (10 per second, burst 100).
         */
        @JvmStatic
        @JvmOverloads
        public fun default(clock: KubeClock = KubeClock.SYSTEM): RateLimiter<Any?> = maxOf(
            ExponentialBackoffRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000)),
            TokenBucketRateLimiter(qps = 10.0, burst = 100, clock = clock),
        )

        /** A limiter whose delay is the longest of [limiters]' (each counts the failure). */
        @JvmStatic
        public fun <K> maxOf(vararg limiters: RateLimiter<K>): RateLimiter<K> = MaxOfRateLimiter(limiters.toList())
    }
}
