package io.kubekt.informer.queue

import io.kubekt.transport.KubeClock
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import org.slf4j.LoggerFactory
import java.util.concurrent.locks.ReentrantLock
import kotlin.concurrent.withLock
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * A queue of keys for controllers (client-go's rate-limited delaying work queue), consumed only
 * through [process], which always marks a key done.
 *
 * Guarantees:
 * - **Fair**: keys are handed to workers in the order they were added (FIFO); a key added again
 *   while it waits keeps its place.
 * - **Stingy**: a key is never processed by two workers at once. Adding a key that waits
 *   already does nothing (duplicates collapse); adding a key while a worker processes it makes
 *   it wait again once that worker is done, so it is processed once more afterwards.
 * - **Delaying**: [addAfter] makes a key wait a while first; an earlier due time wins.
 * - **Rate-limited**: a key whose processing failed ([ProcessResult.Retry] or an exception)
 *   comes back after [rateLimiter]'s delay (default: client-go's 5 ms..1000 s per-key backoff
 *   and a 10 qps / 100 burst bucket); success forgets its failures.
 *
 * Threading: every method is thread-safe; [add] and friends never block or suspend. The queue
 * has no thread or coroutine of its own: delayed keys become due while workers wait in
 * [process] (timed by the workers' dispatcher, read on [clock]).
 *
 * Shutdown: after [shutDown] adds are ignored, delayed keys are dropped, and [process] returns
 * once the waiting keys are done (a drain); [shutDownNow] drops the waiting keys too.
 */
public class WorkQueue<K : Any> @JvmOverloads constructor(
    private val rateLimiter: RateLimiter<K> = RateLimiter.default(),
    private val clock: KubeClock = KubeClock.SYSTEM,
    private val metrics: WorkQueueMetrics = WorkQueueMetrics.NONE,
) {
    private val lock = ReentrantLock()
    private val keys = KeyStates<K>()
    private val changes = MutableStateFlow(0L)
    private var shuttingDown = false

    /** The number of keys waiting for a worker (not in flight, not delayed). */
    public val depth: Int get() = lock.withLock { keys.depth }

    /** True after [shutDown] or [shutDownNow]. */
    public val isShuttingDown: Boolean get() = lock.withLock { shuttingDown }

    /** Adds [key] to wait for a worker (see the class guarantees); ignored after shutdown. */
    public fun add(key: K) {
        change { keys.add(key, clock.nanoTime()) }
        metrics.added()
    }

    /** Adds [key] after [delay]; a zero or negative delay adds it now. */
    public fun addAfter(key: K, delay: java.time.Duration) {
        if (delay.isNegative || delay.isZero) return add(key)
        change { keys.addAt(key, clock.nanoTime() + delay.toNanos()) }
    }

    /** Adds [key] after [delay]; a zero or negative delay adds it now. */
    @JvmSynthetic
    public fun addAfter(key: K, delay: Duration): Unit = addAfter(key, delay.toJavaDuration())

    /** Adds [key] after the rate limiter's delay for it (counts a failure). */
    public fun addRateLimited(key: K) {
        metrics.retried()
        addAfter(key, rateLimiter.delayFor(key))
    }

    /** Forgets the failures of [key] (done by [process] on success). */
    public fun forget(key: K): Unit = rateLimiter.forget(key)

    /** How many consecutive failures of [key] the rate limiter counts. */
    public fun retries(key: K): Int = rateLimiter.retries(key)

    /** Stops taking keys: workers finish the waiting keys, then [process] returns. */
    public fun shutDown() {
        lock.withLock {
            shuttingDown = true
            keys.clearDelayed()
        }
        signal()
    }

    /** Stops taking keys and drops the waiting ones: workers return after their current key. */
    public fun shutDownNow() {
        lock.withLock {
            shuttingDown = true
            keys.clearWaiting()
        }
        signal()
        metrics.depth(0)
    }

    /**
     * Processes keys with [block], one at a time, until the queue is shut down and drained;
     * call it from as many coroutines as you want workers. Returning marks the key done and
     * forgets its failures; throwing (except cancellation) requeues it rate-limited.
     * Cancelling the worker marks its key done and adds it again (unless shutting down).
     */
    @JvmSynthetic
    public suspend fun process(block: suspend (K) -> Unit) {
        while (processOne { key -> block(key); ProcessResult.Done }) { // next key
        }
    }

    /**
     * As [process], with [block] saying what happens to each key: done, retry, or retry after a
     * delay. (A separate name: Kotlin cannot pick an overload by a lambda's result type.)
     */
    @JvmSynthetic
    public suspend fun processWithResult(block: suspend (K) -> ProcessResult) {
        while (processOne(block)) { // next key
        }
    }

    /** Processes one key; returns false (without calling [block]) once the queue is shut down and drained. */
    @JvmSynthetic
    public suspend fun processOne(block: suspend (K) -> ProcessResult): Boolean {
        val key = take() ?: return false
        val started = clock.nanoTime()
        val result = try {
            block(key)
        } catch (e: CancellationException) {
            finish(key, null)
            throw e
        } catch (e: Exception) {
            log.warn("work queue: processing {} failed, retrying with backoff", key, e)
            ProcessResult.Retry
        }
        metrics.workDuration(java.time.Duration.ofNanos(clock.nanoTime() - started))
        finish(key, result)
        return true
    }

    /** Runs [count] workers over [block] until the queue is shut down and drained, or cancelled. */
    @JvmSynthetic
    public suspend fun runWorkers(count: Int, block: suspend (K) -> Unit) {
        require(count > 0) { "count must be positive, was $count" }
        coroutineScope { repeat(count) { launch { process(block) } } }
    }

    /** Java: processes keys on this thread until the queue is shut down and drained. */
    @JvmName("process")
    public fun processBlocking(handler: KeyHandler<K>): Unit = runBlocking { processWithResult { key -> handler.handle(key) } }

    /**
     * Java: starts [count] workers calling [handler] on the shared IO dispatcher. Closing the
     * handle stops them (a key being processed is added again) and waits for them.
     */
    public fun startWorkers(count: Int, handler: KeyHandler<K>): WorkersHandle {
        require(count > 0) { "count must be positive, was $count" }
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        repeat(count) { scope.launch { processWithResult { key -> handler.handle(key) } } }
        return WorkersHandle(scope)
    }

    private suspend fun take(): K? {
        while (true) {
            var seen = 0L
            var wait: Long? = null
            val taken = lock.withLock {
                val now = clock.nanoTime()
                keys.promoteDue(now)
                keys.take()?.also { return@withLock it }
                if (shuttingDown) return null
                seen = changes.value
                wait = keys.nextDue()?.let { it - now }
                null
            }
            if (taken != null) {
                metrics.depth(depth)
                metrics.queueLatency(java.time.Duration.ofNanos(clock.nanoTime() - taken.second))
                return taken.first
            }
            awaitChange(seen, wait)
        }
    }

    private suspend fun awaitChange(seen: Long, waitNanos: Long?) {
        if (waitNanos == null) {
            changes.first { it != seen }
        } else {
            withTimeoutOrNull((waitNanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI) { changes.first { it != seen } }
        }
    }

    private fun finish(key: K, result: ProcessResult?) {
        when (result) {
            null -> {}
            ProcessResult.Done -> rateLimiter.forget(key)
            ProcessResult.Retry -> addRateLimited(key)
            is ProcessResult.RetryAfter -> { rateLimiter.forget(key); addAfter(key, result.delay) }
        }
        lock.withLock { keys.done(key) } // also while shutting down: a drain re-queues keys added in flight
        signal()
        if (result == null) add(key)
    }

    private inline fun change(edit: () -> Unit) {
        lock.withLock {
            if (shuttingDown) return
            edit()
        }
        signal()
        metrics.depth(depth)
    }

    private fun signal() {
        changes.update { it + 1 }
    }

    private companion object {
        const val NANOS_PER_MILLI = 1_000_000L
        val log = LoggerFactory.getLogger(WorkQueue::class.java)
    }
}
