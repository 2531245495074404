package io.kubekt.testing

import io.kubekt.transport.KubeClock
import java.util.concurrent.atomic.AtomicLong
import kotlin.time.Duration
import kotlinx.coroutines.yield

/**
 * A [KubeClock] that moves only when told: [advance] moves both readings. [delay] does not wait —
 * it advances the clock by the requested duration and yields — so code that sleeps on the clock
 * runs instantly in tests and the time it "slept" can be read back. Thread-safe.
 */
class FakeClock(startMillis: Long = 1_800_000_000_000L) : KubeClock {
    private val nanos = AtomicLong(0)
    private val startMillis = startMillis

    override fun nanoTime(): Long = nanos.get()

    override fun currentTimeMillis(): Long = startMillis + nanos.get() / 1_000_000

    override suspend fun delay(duration: Duration) {
        advance(duration)
        yield()
    }

    /** Moves the clock forward by [duration]. */
    fun advance(duration: Duration) {
        require(!duration.isNegative()) { "a clock does not go back" }
        nanos.addAndGet(duration.inWholeNanoseconds)
    }

    override fun toString(): String = "FakeClock(${currentTimeMillis()})"
}
