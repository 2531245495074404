@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer.reflector

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.FakeListWatch
import io.kubekt.informer.GONE
import io.kubekt.informer.INTERNAL
import io.kubekt.informer.Page
import io.kubekt.informer.TOO_LARGE
import io.kubekt.informer.WATCH_LIST_INVALID
import io.kubekt.informer.added
import io.kubekt.informer.configMap
import io.kubekt.informer.deleted
import io.kubekt.informer.modified
import io.kubekt.error.TransportException
import io.kubekt.request.ListOptions
import io.kubekt.request.ResourceVersionMatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runTest
import kotlin.random.Random
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/** End-to-end runs of the reflector against a scripted ListWatch, on virtual time. */
class ReflectorSpec : FunSpec({
    val a = configMap("default", "a", "10")
    val b = configMap("default", "b", "11")
    val c = configMap("default", "c", "12")
    val config = ReflectorConfig(pageSize = 2)

    fun TestScope.reflector(fake: FakeListWatch, cfg: ReflectorConfig = config) = Reflector(fake, cfg, Random(42), testScheduler.timeSource)
    fun watchFrom(rv: String) = ListOptions(resourceVersion = rv, allowWatchBookmarks = true, timeoutSeconds = 240)
    val freshList = ListOptions(limit = 2)

    /** Collects events in the background for [time] of virtual time. */
    suspend fun TestScope.run(reflector: Reflector<ConfigMap>, time: kotlin.time.Duration): List<String> {
        val seen = mutableListOf<String>()
        val job = backgroundScope.launch { reflector.events().collect { seen += it.toString() } }
        testScheduler.advanceTimeBy(time)
        testScheduler.runCurrent()
        job.cancel()
        return seen
    }

    test("lists in pages, then watches from the list's resourceVersion and emits changes in order") {
        runTest {
            val fake = FakeListWatch()
                .answerList(Page(listOf(a, b), "100", "next"))
                .answerList(Page(listOf(c), "100"))
                .answerWatch { emit(added(configMap("default", "d", "101"))); emit(modified(configMap("default", "a", "102"))); emit(deleted(b)) }
            val events = reflector(fake).events().take(5).toList()
            events.map { it.toString() } shouldContainExactly listOf(
                "RelistStarted(INITIAL)", "RelistEnded(3 objects at 100)",
                "Added(${configMap("default", "d", "101")})", "Modified(${configMap("default", "a", "102")})", "Deleted($b)",
            )
            fake.listCalls shouldContainExactly listOf(freshList, ListOptions(limit = 2, continueToken = "next"))
            fake.watchCalls shouldContainExactly listOf(watchFrom("100"))
        }
    }

    test("a dropped stream resumes from the last seen resourceVersion, bookmarks included, without relisting") {
        runTest {
            val fake = FakeListWatch()
                .answerList(Page(listOf(a), "100"))
                .answerWatch { emit(added(b)); emit(WatchEvent.Bookmark("130", false)) }
                .answerWatch { throw INTERNAL }
                .answerWatch { emit(added(c)) }
            val events = run(reflector(fake), 10.seconds)
            events.last() shouldBe "Added($c)"
            fake.listCalls.size shouldBe 1
            fake.watchCalls.take(3) shouldContainExactly listOf(watchFrom("100"), watchFrom("130"), watchFrom("130"))
            fake.watchCalls[3] shouldBe watchFrom("12") // the third stream ended normally after c: resume from c
        }
    }

    test("a server restart closing the connection (TransportException, as HTTP/2 GOAWAY surfaces) resumes a watch from the last seen resourceVersion and lists a cut list again from the first page") {
        runTest {
            val goaway = TransportException("GET /api/v1/configmaps failed: the connection broke (GOAWAY received)")
            val fake = FakeListWatch()
                .answerList(Page(listOf(a), "100", "next"))
                .failList(goaway)
                .answerList(Page(listOf(a), "100", "next"))
                .answerList(Page(listOf(b), "100"))
                .answerWatch { emit(added(c)); throw goaway }
                .answerWatch { emit(deleted(c)) }
            val events = run(reflector(fake), 10.seconds)
            events shouldContainExactly listOf("RelistStarted(INITIAL)", "RelistEnded(2 objects at 100)", "Added($c)", "Deleted($c)")
            val next = ListOptions(limit = 2, continueToken = "next")
            fake.listCalls shouldContainExactly listOf(freshList, next, freshList, next)
            fake.watchCalls.take(2) shouldContainExactly listOf(watchFrom("100"), watchFrom("12"))
        }
    }

    test("410 Gone on the watch relists with a fresh list and watches from the new resourceVersion") {
        runTest {
            val fake = FakeListWatch()
                .answerList(Page(listOf(a), "100"))
                .answerWatch { emit(added(b)); throw GONE }
                .answerList(Page(listOf(a, c), "500"))
            val events = run(reflector(fake), 10.seconds)
            events shouldContainExactly listOf(
                "RelistStarted(INITIAL)", "RelistEnded(1 objects at 100)", "Added($b)",
                "RelistStarted(GONE)", "RelistEnded(2 objects at 500)",
            )
            fake.listCalls shouldContainExactly listOf(freshList, freshList)
            fake.watchCalls.take(2) shouldContainExactly listOf(watchFrom("100"), watchFrom("500"))
        }
    }

    test("Too large resource version relists") {
        runTest {
            val fake = FakeListWatch()
                .answerList(Page(listOf(a), "100"))
                .answerWatch { throw TOO_LARGE }
                .answerList(Page(listOf(a), "200"))
            val events = run(reflector(fake), 10.seconds)
            events shouldContainExactly listOf(
                "RelistStarted(INITIAL)", "RelistEnded(1 objects at 100)",
                "RelistStarted(RESOURCE_VERSION_TOO_LARGE)", "RelistEnded(1 objects at 200)",
            )
            fake.watchCalls.take(2) shouldContainExactly listOf(watchFrom("100"), watchFrom("200"))
        }
    }

    test("a watch left silent is restarted after the idle deadline from the last seen resourceVersion") {
        runTest {
            val restartedAt = mutableListOf<Long>()
            val fake = FakeListWatch()
                .answerList(Page(listOf(a), "100"))
                .answerWatch { emit(added(b)); awaitCancellation() }
                .answerWatch { restartedAt += testScheduler.currentTime; emit(added(c)); awaitCancellation() }
            val cfg = ReflectorConfig(pageSize = 2, watchTimeout = 4.minutes, idleTimeout = 5.minutes)
            val events = run(reflector(fake, cfg), 6.minutes)
            restartedAt shouldContainExactly listOf(5.minutes.inWholeMilliseconds)
            events.last() shouldBe "Added($c)"
            fake.watchCalls.take(2) shouldContainExactly listOf(watchFrom("100"), watchFrom("11"))
        }
    }

    test("a server failing every watch is retried with growing backoff, not in a hot loop") {
        runTest {
            val fake = FakeListWatch().answerList(Page(listOf(a), "100"))
            repeat(100) { fake.answerWatch { throw INTERNAL } }
            run(reflector(fake), 60.seconds)
            // immediate, then about 0.8, 1.6, 3.2, 6.4, 12.8, 25.6 s (jitter: half to full): at most 8 tries in a minute
            fake.watchCalls.size shouldBeLessThanOrEqual 9
            fake.watchCalls.toSet() shouldBe setOf(watchFrom("100"))
        }
    }

    test("a watch that keeps ending at once without events backs off too") {
        runTest {
            val fake = FakeListWatch().answerList(Page(listOf(a), "100"))
            repeat(100) { fake.answerWatch { } }
            run(reflector(fake), 60.seconds)
            fake.watchCalls.size shouldBeLessThanOrEqual 9
        }
    }

    test("WatchList fetches the initial state through the watch, then the same stream goes on") {
        runTest {
            val fake = FakeListWatch().answerWatch {
                emit(added(a)); emit(added(b)); emit(WatchEvent.Bookmark("120", true)); emit(added(c))
            }
            val events = run(reflector(fake, ReflectorConfig(useWatchList = true)), 10.seconds)
            events shouldContainExactly listOf("RelistStarted(INITIAL)", "RelistEnded(2 objects at 120)", "Added($c)")
            fake.listCalls.size shouldBe 0
            fake.watchCalls.first().sendInitialEvents shouldBe true
        }
    }

    test("a server refusing WatchList is listed instead") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch { throw WATCH_LIST_INVALID }
                .answerList(Page(listOf(a), "100"))
            val events = run(reflector(fake, ReflectorConfig(pageSize = 2, useWatchList = true)), 10.seconds)
            events shouldContainExactly listOf("RelistStarted(INITIAL)", "RelistEnded(1 objects at 100)")
            fake.watchCalls[1] shouldBe watchFrom("100")
            fake.watchCalls[1].resourceVersionMatch shouldBe null
            fake.watchCalls[0].resourceVersionMatch shouldBe null // see ReflectorRequests.watchList: ListOptions refuses NotOlderThan without a resourceVersion
        }
    }

    test("with WatchList, a relist after 410 asks for state not older than the last seen resourceVersion") {
        runTest {
            val fake = FakeListWatch()
                .answerWatch { emit(added(a)); emit(WatchEvent.Bookmark("120", true)); emit(added(configMap("default", "b", "130"))); throw GONE }
            run(reflector(fake, ReflectorConfig(useWatchList = true)), 1.seconds)
            fake.watchCalls[1].resourceVersion shouldBe "130"
            fake.watchCalls[1].resourceVersionMatch shouldBe ResourceVersionMatch.NOT_OLDER_THAN
            fake.watchCalls[1].sendInitialEvents shouldBe true
        }
    }
})
