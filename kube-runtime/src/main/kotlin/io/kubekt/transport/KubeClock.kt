package io.kubekt.transport

import kotlin.time.Duration
import kotlinx.coroutines.delay as coroutineDelay

/**
 * Time as the rate limiter, backoff and timeouts see it. Injectable so their tests do not depend
 * on wall time; [SYSTEM] is the real clock.
 */
public interface KubeClock {
    /** A monotonic reading in nanoseconds, for measuring intervals only. */
    public fun nanoTime(): Long

    /** Wall-clock time in milliseconds since the epoch, for expiry timestamps. */
    public fun currentTimeMillis(): Long

    /** Suspends for [duration] as this clock counts it. */
    public suspend fun delay(duration: Duration)

    public companion object {
        /** The real clock: `System.nanoTime`, `System.currentTimeMillis` and coroutine `delay`. */
        @JvmField
        public val SYSTEM: KubeClock = object : KubeClock {
            override fun nanoTime(): Long = System.nanoTime()
            override fun currentTimeMillis(): Long = System.currentTimeMillis()
            override suspend fun delay(duration: Duration): Unit = coroutineDelay(duration)
            override fun toString(): String = "KubeClock.SYSTEM"
        }
    }
}
