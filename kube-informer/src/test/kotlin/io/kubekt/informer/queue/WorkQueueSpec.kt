@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer.queue

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.virtualClock
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

class WorkQueueSpec : FunSpec({
    val a = ObjectKey("default", "a")
    val b = ObjectKey("default", "b")
    val c = ObjectKey(null, "c")

    test("keys are processed in the order they were added") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            listOf(a, b, c).forEach(queue::add)
            queue.shutDown()
            val seen = mutableListOf<ObjectKey>()
            queue.process { key -> seen += key }
            seen shouldContainExactly listOf(a, b, c)
        }
    }

    test("a key added again while it waits is processed once and keeps its place") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            listOf(a, b, a, c, a).forEach(queue::add)
            queue.depth shouldBe 3
            queue.shutDown()
            val seen = mutableListOf<ObjectKey>()
            queue.process { key -> seen += key }
            seen shouldContainExactly listOf(a, b, c)
        }
    }

    test("a key is never processed by two workers at once, and a key added in flight is processed once more afterwards") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            val running = AtomicInteger()
            var maxRunning = 0
            val release = CompletableDeferred<Unit>()
            var calls = 0
            val workers = List(3) {
                launch {
                    queue.process { _ ->
                        maxRunning = maxOf(maxRunning, running.incrementAndGet())
                        if (++calls == 1) release.await()
                        delay(10)
                        running.decrementAndGet()
                    }
                }
            }
            queue.add(a)
            runCurrent()
            calls shouldBe 1
            queue.add(a)
            queue.add(a)
            runCurrent()
            calls shouldBe 1 // the other two workers wait: a is in flight
            release.complete(Unit)
            advanceUntilIdle()
            calls shouldBe 2 // once more, however many times it was added in flight
            maxRunning shouldBe 1
            queue.shutDown()
            workers.forEach { it.join() }
        }
    }

    test("addAfter makes a key wait on the virtual clock") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            val processedAt = mutableListOf<Long>()
            val worker = launch { queue.process { _ -> processedAt += testScheduler.currentTime } }
            queue.addAfter(a, 10.seconds)
            queue.addAfter(b, Duration.ofSeconds(5))
            advanceUntilIdle()
            processedAt shouldContainExactly listOf(5_000L, 10_000L)
            queue.shutDown()
            worker.join()
        }
    }

    test("an earlier addAfter wins over a later one for the same key") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            val processedAt = mutableListOf<Long>()
            val worker = launch { queue.process { _ -> processedAt += testScheduler.currentTime } }
            queue.addAfter(a, 10.seconds)
            queue.addAfter(a, 2.seconds)
            advanceUntilIdle()
            processedAt shouldContainExactly listOf(2_000L)
            queue.shutDown()
            worker.join()
        }
    }

    test("failures are retried with per-key exponential backoff and success forgets them") {
        runTest {
            val limiter = ExponentialBackoffRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000))
            val queue = WorkQueue(rateLimiter = limiter, clock = virtualClock())
            val attempts = mutableListOf<Long>()
            val worker = launch {
                queue.process { key ->
                    attempts += testScheduler.currentTime
                    if (attempts.size < 4) error("reconcile of $key failed")
                }
            }
            queue.add(a)
            advanceUntilIdle()
            attempts shouldContainExactly listOf(0L, 5L, 15L, 35L)
            queue.retries(a) shouldBe 0
            queue.shutDown()
            worker.join()
        }
    }

    test("Retry and RetryAfter results requeue the key") {
        runTest {
            val queue = WorkQueue<ObjectKey>(rateLimiter = ExponentialBackoffRateLimiter(Duration.ofMillis(100), Duration.ofSeconds(1)), clock = virtualClock())
            val attempts = mutableListOf<Long>()
            val worker = launch {
                queue.processWithResult { _ ->
                    attempts += testScheduler.currentTime
                    when (attempts.size) {
                        1 -> ProcessResult.Retry
                        2 -> ProcessResult.retryAfter(3.seconds)
                        else -> ProcessResult.Done
                    }
                }
            }
            queue.add(a)
            advanceUntilIdle()
            attempts shouldContainExactly listOf(0L, 100L, 3_100L)
            queue.shutDown()
            worker.join()
        }
    }

    test("shutDown drains the waiting keys, then process returns and adds are ignored") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            listOf(a, b).forEach(queue::add)
            queue.addAfter(c, 1.seconds)
            queue.shutDown()
            queue.add(c)
            val seen = mutableListOf<ObjectKey>()
            queue.process { key -> seen += key }
            seen shouldContainExactly listOf(a, b)
            queue.isShuttingDown shouldBe true
        }
    }

    test("shutDownNow drops the waiting keys and lets the key in flight finish") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            listOf(a, b, c).forEach(queue::add)
            val seen = mutableListOf<ObjectKey>()
            val worker = launch { queue.process { key -> seen += key; delay(100) } }
            runCurrent()
            queue.shutDownNow()
            worker.join()
            seen shouldContainExactly listOf(a)
        }
    }

    test("a cancelled worker marks its key done and the key is processed again") {
        runTest {
            val queue = WorkQueue<ObjectKey>(clock = virtualClock())
            val first = launch { queue.process { _ -> delay(1_000) } }
            queue.add(a)
            runCurrent()
            first.cancel()
            runCurrent()
            val seen = mutableListOf<ObjectKey>()
            val second = launch { queue.process { key -> seen += key } }
            runCurrent()
            seen shouldContainExactly listOf(a)
            queue.shutDown()
            second.join()
        }
    }

    test("metrics hooks see adds, depth, latency, work duration and retries") {
        runTest {
            val events = mutableListOf<String>()
            val metrics = object : WorkQueueMetrics {
                override fun added() { events += "add" }
                override fun depth(depth: Int) { events += "depth=$depth" }
                override fun queueLatency(latency: Duration) { events += "latency=${latency.toMillis()}" }
                override fun workDuration(duration: Duration) { events += "work=${duration.toMillis()}" }
                override fun retried() { events += "retry" }
            }
            val queue = WorkQueue<ObjectKey>(rateLimiter = ExponentialBackoffRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1)), clock = virtualClock(), metrics = metrics)
            queue.add(a)
            delay(20.milliseconds)
            var failed = false
            val worker = launch { queue.process { _ -> delay(7); if (!failed) { failed = true; error("once") } } }
            advanceUntilIdle()
            queue.shutDown()
            worker.join()
            events shouldContainExactly listOf(
                "depth=1", "add", "depth=0", "latency=20", "work=7", "retry", "depth=0", "depth=0", "latency=0", "work=7",
            )
        }
    }

    test("Java workers started on a queue process keys on real threads until the queue drains") {
        val queue = WorkQueue<ObjectKey>()
        val seen = java.util.concurrent.ConcurrentLinkedQueue<ObjectKey>()
        listOf(a, b, c).forEach(queue::add)
        val handle = queue.startWorkers(2) { key -> seen += key; ProcessResult.done() }
        handle.use {
            queue.shutDown()
            it.await()
            it.isRunning shouldBe false
        }
        seen.toSet() shouldBe setOf(a, b, c)
    }

    test("the blocking process returns once the queue is shut down and drained") {
        val queue = WorkQueue<String>()
        queue.add("x")
        queue.shutDown()
        val seen = mutableListOf<String>()
        queue.processBlocking { key -> seen += key; ProcessResult.done() }
        seen shouldContainExactly listOf("x")
    }
})
