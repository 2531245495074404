package io.kubekt.informer.reflector

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.GONE
import io.kubekt.informer.INTERNAL
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.Page
import io.kubekt.informer.TOO_LARGE
import io.kubekt.informer.WATCH_LIST_INVALID
import io.kubekt.informer.added
import io.kubekt.informer.configMap
import io.kubekt.informer.deleted
import io.kubekt.informer.modified
import io.kubekt.informer.reflector.ReflectorAction.Backoff
import io.kubekt.informer.reflector.ReflectorAction.KeepWatching
import io.kubekt.informer.reflector.ReflectorState.Listing
import io.kubekt.informer.reflector.ReflectorState.WatchListing
import io.kubekt.informer.reflector.ReflectorState.Watching
import io.kubekt.request.ListOptions
import io.kubekt.request.ResourceVersionMatch
import io.kubekt.watch.WatchEvent
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** The reflector's transition table: (state, input) -> (events, next state, action). */
class ReflectorCoreSpec : FunSpec({
    val config = ReflectorConfig(pageSize = 2, labelSelector = "app=web")
    val core = ReflectorCore<ConfigMap>(config)
    val watchListCore = ReflectorCore<ConfigMap>(ReflectorConfig(pageSize = 2, labelSelector = "app=web", useWatchList = true))
    val a = configMap("default", "a", "10")
    val b = configMap("default", "b", "11")
    val c = configMap("kube-system", "c", "12")

    // What the reflector sends, by state (docs/decisions/reflector.md)
    val firstPage = ListOptions(labelSelector = "app=web", limit = 2) // no resourceVersion: a consistent read, never "0"
    fun nextPage(token: String) = ListOptions(labelSelector = "app=web", limit = 2, continueToken = token)
    fun watchFrom(rv: String) = ListOptions(labelSelector = "app=web", resourceVersion = rv, allowWatchBookmarks = true, timeoutSeconds = 240)
    fun watchListFrom(rv: String?) = ListOptions(
        labelSelector = "app=web", resourceVersion = rv, resourceVersionMatch = rv?.let { ResourceVersionMatch.NOT_OLDER_THAN },
        allowWatchBookmarks = true, sendInitialEvents = true, timeoutSeconds = 240,
    )

    val listing = Listing<ConfigMap>(RelistReason.INITIAL, emptyList(), null, failures = 0, useWatchList = false)
    val watching = Watching("100", progressed = false, failures = 0, useWatchList = false)

    class Row(
        val name: String,
        val step: () -> ReflectorStep<ConfigMap>,
        val events: List<String>,
        val state: ReflectorState<ConfigMap>,
        val action: ReflectorAction,
    )

    val rows = listOf(
        Row("start lists the first page without a resourceVersion", { core.start() },
            listOf("RelistStarted(INITIAL)"), listing, ReflectorAction.List(firstPage)),
        Row("start with WatchList opens a watch with sendInitialEvents from the latest state", { watchListCore.start() },
            listOf("RelistStarted(INITIAL)"), WatchListing(RelistReason.INITIAL, emptyMap(), null, 0), ReflectorAction.Watch(watchListFrom(null))),
        Row("a page with a continue token asks for the next page with it and no resourceVersion",
            { core.transition(listing, ReflectorInput.Listed(Page(listOf(a, b), "100", "token-1"))) },
            emptyList(), listing.copy(items = listOf(a, b), continueToken = "token-1"), ReflectorAction.List(nextPage("token-1"))),
        Row("the last page ends the relist with every page's objects and watches from the list's resourceVersion",
            { core.transition(listing.copy(items = listOf(a, b), continueToken = "token-1"), ReflectorInput.Listed(Page(listOf(c), "100"))) },
            listOf("RelistEnded(3 objects at 100)"), watching, ReflectorAction.Watch(watchFrom("100"))),
        Row("a failed page (expired continue token) restarts the list at once",
            { core.transition(listing.copy(items = listOf(a), continueToken = "t"), ReflectorInput.ListFailed(GONE)) },
            emptyList(), listing.copy(failures = 1), ReflectorAction.List(firstPage)),
        Row("a second consecutive list failure backs off",
            { core.transition(listing.copy(failures = 1), ReflectorInput.ListFailed(INTERNAL)) },
            emptyList(), listing.copy(failures = 2), Backoff(800.milliseconds, ReflectorAction.List(firstPage))),
        Row("a watch event is emitted and moves the resourceVersion on",
            { core.transition(watching.copy(failures = 3), ReflectorInput.Event(modified(configMap("default", "a", "101")))) },
            listOf("Modified(${configMap("default", "a", "101")})"), watching.copy(resourceVersion = "101", progressed = true), KeepWatching),
        Row("a bookmark moves the resourceVersion on without an event",
            { core.transition(watching, ReflectorInput.Event(WatchEvent.Bookmark("150", false))) },
            emptyList(), watching.copy(resourceVersion = "150", progressed = true), KeepWatching),
        Row("a watch the server ended after progress resumes at once from the last seen resourceVersion",
            { core.transition(watching.copy(resourceVersion = "150", progressed = true), ReflectorInput.WatchEnded) },
            emptyList(), watching.copy(resourceVersion = "150"), ReflectorAction.Watch(watchFrom("150"))),
        Row("a watch that ended without delivering anything counts as a failure",
            { core.transition(watching.copy(failures = 1), ReflectorInput.WatchEnded) },
            emptyList(), watching.copy(failures = 2), Backoff(800.milliseconds, ReflectorAction.Watch(watchFrom("100")))),
        Row("a dropped watch resumes from the last seen resourceVersion",
            { core.transition(watching.copy(resourceVersion = "150", progressed = true), ReflectorInput.WatchFailed(INTERNAL)) },
            emptyList(), watching.copy(resourceVersion = "150", failures = 1), ReflectorAction.Watch(watchFrom("150"))),
        Row("a silent watch past the idle deadline is restarted from the last seen resourceVersion",
            { core.transition(watching.copy(resourceVersion = "150", progressed = true), ReflectorInput.WatchIdle) },
            emptyList(), watching.copy(resourceVersion = "150", failures = 1), ReflectorAction.Watch(watchFrom("150"))),
        Row("410 Gone relists with a fresh consistent list",
            { core.transition(watching.copy(resourceVersion = "150"), ReflectorInput.WatchFailed(GONE)) },
            listOf("RelistStarted(GONE)"), listing.copy(reason = RelistReason.GONE, failures = 1), ReflectorAction.List(firstPage)),
        Row("Too large resource version relists with a fresh consistent list",
            { core.transition(watching, ReflectorInput.WatchFailed(TOO_LARGE)) },
            listOf("RelistStarted(RESOURCE_VERSION_TOO_LARGE)"), listing.copy(reason = RelistReason.RESOURCE_VERSION_TOO_LARGE, failures = 1), ReflectorAction.List(firstPage)),
        Row("410 right after a relist backs off before relisting again (no 410 loop)",
            { core.transition(watching.copy(failures = 1), ReflectorInput.WatchFailed(GONE)) },
            listOf("RelistStarted(GONE)"), listing.copy(reason = RelistReason.GONE, failures = 2), Backoff(800.milliseconds, ReflectorAction.List(firstPage))),
        Row("WatchList initial events are collected without emitting",
            { watchListCore.transition(WatchListing(RelistReason.INITIAL, mapOf(ObjectKey.of(a) to a), null, 0), ReflectorInput.Event(added(b))) },
            emptyList(), WatchListing(RelistReason.INITIAL, mapOf(ObjectKey.of(a) to a, ObjectKey.of(b) to b), "11", 0), KeepWatching),
        Row("the initial-events-end bookmark ends the relist and the same watch goes on",
            { watchListCore.transition(WatchListing(RelistReason.INITIAL, mapOf(ObjectKey.of(a) to a, ObjectKey.of(b) to b), "11", 0), ReflectorInput.Event(WatchEvent.Bookmark("120", true))) },
            listOf("RelistEnded(2 objects at 120)"), Watching("120", progressed = true, failures = 0, useWatchList = true), KeepWatching),
        Row("a server refusing WatchList (422) makes the reflector list instead, for good",
            { watchListCore.transition(WatchListing(RelistReason.INITIAL, emptyMap(), null, 0), ReflectorInput.WatchFailed(WATCH_LIST_INVALID)) },
            emptyList(), listing, ReflectorAction.List(firstPage)),
        Row("a plain bookmark before the initial events end means the server ignored sendInitialEvents: list instead",
            { watchListCore.transition(WatchListing(RelistReason.INITIAL, mapOf(ObjectKey.of(a) to a), "10", 0), ReflectorInput.Event(WatchEvent.Bookmark("120", false))) },
            emptyList(), listing, ReflectorAction.List(firstPage)),
        Row("with WatchList, 410 relists by a WatchList not older than the last seen resourceVersion",
            { watchListCore.transition(Watching("150", progressed = true, failures = 0, useWatchList = true), ReflectorInput.WatchFailed(GONE)) },
            listOf("RelistStarted(GONE)"), WatchListing(RelistReason.GONE, emptyMap(), "150", 1), ReflectorAction.Watch(watchListFrom("150"))),
        Row("with WatchList, Too large resource version relists from the latest state",
            { watchListCore.transition(Watching("150", progressed = true, failures = 0, useWatchList = true), ReflectorInput.WatchFailed(TOO_LARGE)) },
            listOf("RelistStarted(RESOURCE_VERSION_TOO_LARGE)"), WatchListing(RelistReason.RESOURCE_VERSION_TOO_LARGE, emptyMap(), null, 1), ReflectorAction.Watch(watchListFrom(null))),
        Row("a WatchList dropped before its initial events ended starts over",
            { watchListCore.transition(WatchListing(RelistReason.INITIAL, mapOf(ObjectKey.of(a) to a), "10", 0), ReflectorInput.WatchFailed(INTERNAL)) },
            emptyList(), WatchListing(RelistReason.INITIAL, emptyMap(), "10", 1), ReflectorAction.Watch(watchListFrom("10"))),
    )

    rows.forEach { row ->
        test(row.name) {
            val step = row.step()
            step.events.map { it.toString() } shouldBe row.events
            step.state shouldBe row.state
            step.action shouldBe row.action
        }
    }

    test("the relist event carries the objects of every page in order") {
        val first = core.transition(listing, ReflectorInput.Listed(Page(listOf(a, b), "100", "t")))
        val last = core.transition(first.state, ReflectorInput.Listed(Page(listOf(c), "100")))
        (last.events.single() as ReflectorEvent.RelistEnded).objects shouldBe listOf(a, b, c)
    }

    test("backoff doubles from 800ms per consecutive failure up to 30s, and the first retry is immediate") {
        var state: ReflectorState<ConfigMap> = watching
        val delays = mutableListOf<Duration>()
        repeat(9) {
            val step = core.transition(state, ReflectorInput.WatchFailed(INTERNAL))
            delays += (step.action as? Backoff)?.delay ?: Duration.ZERO
            state = step.state
        }
        delays shouldBe listOf(0.seconds, 0.8.seconds, 1.6.seconds, 3.2.seconds, 6.4.seconds, 12.8.seconds, 25.6.seconds, 30.seconds, 30.seconds)
        core.transition(state, ReflectorInput.Event(WatchEvent.Bookmark("200", false))).state.failures shouldBe 0
    }

    test("an input that cannot arrive in a state is a programming error") {
        shouldThrow<IllegalStateException> { core.transition(listing, ReflectorInput.WatchEnded) }
        shouldThrow<IllegalStateException> { core.transition(watching, ReflectorInput.Listed(Page(listOf(a), "1"))) }
    }

    test("a deleted event is emitted with the object's last state") {
        val step = core.transition(watching, ReflectorInput.Event(deleted(a)))
        (step.events.single() as ReflectorEvent.Deleted).obj shouldBe a
    }
})
