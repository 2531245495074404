package io.kubekt.testing

import io.kubekt.transport.KubeClock
import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.yield
import kotlin.coroutines.resume
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.nanoseconds
import kotlin.time.Duration.Companion.seconds

/**
 * A [KubeClock] whose time moves only when the test says so.
 *
 * - Manual (default): [delay] suspends until [advance] moves the clock past its deadline. Use it
 *   to fire a timeout at a chosen moment: wait for [awaitPendingDelays], then [advance].
 * - [autoAdvance]: [delay] moves the clock forward to its own deadline and returns at once, so a
 *   limiter or backoff test runs instantly and [elapsed] tells how much virtual time it took.
 *   Concurrent delays overlap: the clock ends at the latest deadline, not the sum.
 *
 * Every requested delay is recorded in [delays].
 */
class FakeClock(private val autoAdvance: Boolean = false, private val startEpochMillis: Long = 1_767_225_600_000L) : KubeClock {
    private class Waiter(val deadline: Long, val continuation: CancellableContinuation<Unit>)

    private val lock = Any()
    private var now = 0L
    private val waiters = mutableListOf<Waiter>()
    private val requested = mutableListOf<Duration>()

    override fun nanoTime(): Long = synchronized(lock) { now }

    override fun currentTimeMillis(): Long = startEpochMillis + nanoTime() / 1_000_000

    override suspend fun delay(duration: Duration) {
        val deadline = synchronized(lock) {
            requested += duration
            now + duration.inWholeNanoseconds.coerceAtLeast(0)
        }
        if (autoAdvance || deadline <= nanoTime()) {
            resumeDue(moveTo = deadline)
            yield()
            return
        }
        suspendCancellableCoroutine { continuation ->
            val waiter = Waiter(deadline, continuation)
            synchronized(lock) { waiters += waiter }
            continuation.invokeOnCancellation { synchronized(lock) { waiters.remove(waiter) } }
        }
    }

    /** Moves time forward by [by], resuming every delay whose deadline has come. */
    fun advance(by: Duration) {
        resumeDue(moveTo = nanoTime() + by.inWholeNanoseconds)
    }

    private fun resumeDue(moveTo: Long) {
        val due = synchronized(lock) {
            if (moveTo > now) now = moveTo
            waiters.filter { it.deadline <= now }.also { waiters.removeAll(it) }
        }
        due.forEach { it.continuation.resume(Unit) }
    }

    /** Virtual time since the clock was made. */
    val elapsed: Duration get() = nanoTime().nanoseconds

    /** Every delay requested so far, in order. */
    val delays: List<Duration> get() = synchronized(lock) { requested.toList() }

    /** How many delays are suspended waiting for [advance]. */
    val pendingDelays: Int get() = synchronized(lock) { waiters.size }

    /** Waits (in real time, up to [within]) until at least [count] delays are suspended. */
    suspend fun awaitPendingDelays(count: Int, within: Duration = 10.seconds) {
        val end = System.nanoTime() + within.inWholeNanoseconds
        while (pendingDelays < count) {
            check(System.nanoTime() < end) { "expected $count pending delays within $within, have $pendingDelays" }
            kotlinx.coroutines.delay(5.milliseconds)
        }
    }
}
