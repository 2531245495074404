@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer.watch

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.doubles.shouldBeBetween
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.error.ApiException
import io.kubekt.error.TransportException
import io.kubekt.informer.FakeListWatch
import io.kubekt.informer.GONE
import io.kubekt.informer.INTERNAL
import io.kubekt.informer.added
import io.kubekt.informer.apiError
import io.kubekt.informer.configMap
import io.kubekt.informer.modified
import io.kubekt.request.ListOptions
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlin.random.Random
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/** The resumable watch against a scripted ListWatch, on virtual time. */
class ResumableWatchSpec : FunSpec({
    val a = configMap("default", "a", "11")
    val b = configMap("default", "b", "12")
    val c = configMap("default", "c", "13")

    fun TestScope.resumable(fake: FakeListWatch, from: String = "10", config: ResumableWatchConfig = ResumableWatchConfig.DEFAULT): Flow<WatchEvent<ConfigMap>> =
        ResumableWatch(fake, from, config, Random(7), testScheduler.timeSource).events()

    fun FakeListWatch.resourceVersions() = watchCalls.map { it.resourceVersion }

    test("watches with bookmarks and the configured selectors and timeout from the given resourceVersion") {
        runTest {
            val fake = FakeListWatch().answerWatch { emit(added(a)) }
            val config = ResumableWatchConfig { labelSelector = "app=web"; fieldSelector = "metadata.name=a"; watchTimeout = 60.seconds; idleTimeout = 2.minutes }
            resumable(fake, config = config).take(1).toList()
            fake.watchCalls shouldContainExactly listOf(
                ListOptions(labelSelector = "app=web", fieldSelector = "metadata.name=a", resourceVersion = "10", allowWatchBookmarks = true, timeoutSeconds = 60),
            )
        }
    }

    test("reopens from the last event's resourceVersion when the server ends the stream") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch { emit(added(a)); emit(modified(b)) }
                .answerWatch { emit(added(c)) }
            resumable(fake).take(3).toList().map { it.resourceVersion } shouldContainExactly listOf("11", "12", "13")
            fake.resourceVersions() shouldContainExactly listOf("10", "12")
        }
    }

    test("reopens from a bookmark's resourceVersion and passes the bookmark through") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch { emit(added(a)); emit(WatchEvent.Bookmark("20", false)) }
                .answerWatch { emit(added(configMap("default", "d", "21"))) }
            val events = resumable(fake).take(3).toList()
            events[1].toString() shouldBe "Bookmark(20)"
            fake.resourceVersions() shouldContainExactly listOf("10", "20")
        }
    }

    test("reopens at once from the last resourceVersion after a transport failure, without repeating events") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch { emit(added(a)); throw TransportException("connection reset by kube.test") }
                .answerWatch { emit(modified(b)); emit(added(c)) }
            resumable(fake).take(3).toList().map { it.resourceVersion } shouldContainExactly listOf("11", "12", "13")
            fake.resourceVersions() shouldContainExactly listOf("10", "11")
            testScheduler.currentTime shouldBe 0
        }
    }

    test("retries a server error (500) and a too-large resourceVersion (504) like a dropped stream") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch { throw INTERNAL }
                .answerWatch { throw io.kubekt.informer.TOO_LARGE }
                .answerWatch { emit(added(a)) }
            resumable(fake).take(1).toList() shouldHaveSize 1
            fake.resourceVersions() shouldContainExactly listOf("10", "10", "10")
        }
    }

    test("reopens a watch silent past the idle deadline from the last resourceVersion") {
        runTest {
            var reopenedAt = -1L
            val fake = FakeListWatch()
                .answerWatch { emit(added(a)); awaitCancellation() }
                .answerWatch { reopenedAt = testScheduler.currentTime; emit(added(b)) }
            val config = ResumableWatchConfig { watchTimeout = 30.seconds; idleTimeout = 1.minutes }
            resumable(fake, config = config).take(2).toList()
            fake.resourceVersions() shouldContainExactly listOf("10", "11")
            reopenedAt shouldBe 1.minutes.inWholeMilliseconds
        }
    }

    test("ends with the 410 ApiException when the resourceVersion was compacted away, without retrying") {
        runTest {
            val seen = mutableListOf<WatchEvent<ConfigMap>>()
            val fake = FakeListWatch()
                .answerWatch { emit(added(a)) }
                .answerWatch { throw GONE }
                .answerWatch { emit(added(b)) }
            val error = shouldThrow<ApiException> { resumable(fake).collect { seen += it } }
            error.isGone shouldBe true
            seen.map { it.resourceVersion } shouldContainExactly listOf("11")
            fake.resourceVersions() shouldContainExactly listOf("10", "11")
        }
    }

    test("ends with errors retrying cannot fix: 403 and 404") {
        runTest {
            for (code in listOf(403 to "Forbidden", 404 to "NotFound")) {
                val fake = FakeListWatch().answerWatch { throw apiError(code.first, code.second, "no") }.answerWatch { emit(added(a)) }
                shouldThrow<ApiException> { resumable(fake).collect() }.code shouldBe code.first
                fake.watchCalls shouldHaveSize 1
            }
        }
    }

    test("an error thrown by the collector ends the flow and is not mistaken for a watch failure") {
        runTest {
            val fake = FakeListWatch().answerWatch { emit(added(a)) }.answerWatch { emit(added(b)) }
            shouldThrow<TransportException> { resumable(fake).collect { throw TransportException("downstream") } }.message shouldBe "downstream"
            fake.watchCalls shouldHaveSize 1
        }
    }

    test("a failure the stream meets once its collector is cancelled (a closing client's connection) ends it as cancelled, not reported") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch {
                    emit(added(a))
                    try {
                        awaitCancellation()
                    } catch (e: CancellationException) {
                        throw apiError(403, "Forbidden", "the connection was shut") // what a closing transport may throw instead
                    }
                }
                .answerWatch { emit(added(b)) }
            var ended: Throwable? = null
            val seen = mutableListOf<WatchEvent<ConfigMap>>()
            val collecting = launch {
                try {
                    resumable(fake).collect { seen += it }
                } catch (e: Throwable) {
                    ended = e
                    throw e
                }
            }
            runCurrent()
            seen shouldHaveSize 1
            collecting.cancelAndJoin()
            ended.shouldBeInstanceOf<CancellationException>()
            fake.watchCalls shouldHaveSize 1
        }
    }

    test("backs off with a growing, jittered delay between consecutive failures and resets after progress") {
        runTest {
            val opened = mutableListOf<Long>()
            val fake = FakeListWatch()
            repeat(8) { fake.answerWatch { opened += testScheduler.currentTime; throw INTERNAL } }
            fake.answerWatch { opened += testScheduler.currentTime; emit(added(a)); throw INTERNAL }
            fake.answerWatch { opened += testScheduler.currentTime; emit(added(b)) }
            resumable(fake).take(2).toList()
            val gaps = opened.zipWithNext { x, y -> y - x }
            gaps[0] shouldBe 0 // the first failure is retried at once
            val expected = listOf(800, 1_600, 3_200, 6_400, 12_800, 25_600, 30_000) // doubling, capped at 30 s
            val ratios = expected.mapIndexed { i, full -> gaps[i + 1].toDouble() / full }
            ratios.forEach { it.shouldBeBetween(0.5, 1.0, 0.0) }
            ratios.distinct().size shouldNotBe 1 // jittered, not a fixed fraction
            gaps[8] shouldBe 0 // after an event the next failure is again the first
        }
    }

    test("jitter differs between draws and stays within half and all of the backoff") {
        val config = ResumableWatchConfig { initialBackoff = 1.seconds; maxBackoff = 10.seconds }
        val random = Random(1)
        val draws = List(50) { WatchRetry.delayAfter(4, INTERNAL, config, random) }
        draws.forEach { it.inWholeMilliseconds.toDouble().shouldBeBetween(2_000.0, 4_000.0, 0.0) }
        draws.distinct().size shouldBeGreaterThanOrEqual 40
        WatchRetry.delayAfter(1, INTERNAL, config, random) shouldBe 0.milliseconds
        WatchRetry.delayAfter(2, apiError(429, "TooManyRequests", "slow down").withRetryAfter(7), config, random) shouldBe 7.seconds
    }

    test("refuses an empty or \"0\" starting resourceVersion") {
        for (rv in listOf("", "0")) {
            shouldThrow<IllegalArgumentException> { ResumableWatch(FakeListWatch(), rv) }.message!! shouldContain "resourceVersion"
        }
    }
})

private fun ApiException.withRetryAfter(seconds: Int): ApiException =
    ApiException(status.toBuilder().details(io.kubekt.api.meta.v1.StatusDetails.builder().retryAfterSeconds(seconds).build()).build(), method, path, server)
