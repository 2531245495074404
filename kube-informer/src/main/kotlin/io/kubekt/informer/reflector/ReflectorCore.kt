package io.kubekt.informer.reflector

import io.kubekt.api.KubeObject
import io.kubekt.error.ApiException
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.reflector.ReflectorAction.Backoff
import io.kubekt.informer.reflector.ReflectorAction.KeepWatching
import io.kubekt.informer.reflector.ReflectorState.Listing
import io.kubekt.informer.reflector.ReflectorState.WatchListing
import io.kubekt.informer.reflector.ReflectorState.Watching
import io.kubekt.watch.WatchEvent
import kotlin.time.Duration

/**
 * The reflector's pure core: a list-then-watch state machine. [transition] maps a state and an
 * input to the events to emit, the next state and the I/O to do next; it does no I/O itself.
 * What it asks the server is decided by [ReflectorRequests]; docs/decisions/reflector.md says why.
 *
 * Failures: the first failure after progress is retried at once, each further consecutive one
 * after [ReflectorConfig.initialBackoff] doubling up to [ReflectorConfig.maxBackoff] (the edge
 * adds jitter), so no input sequence loops hot. Only a watch event or bookmark resets the count,
 * so a list that succeeds followed by a watch that fails at once (a 410 loop) still backs off.
 */
internal class ReflectorCore<T : KubeObject>(private val config: ReflectorConfig) {
    private val requests = ReflectorRequests(config)

    /** The first step of a reflector. */
    fun start(): ReflectorStep<T> = relist(RelistReason.INITIAL, failures = 0, useWatchList = config.useWatchList, lastSeen = null)

    fun transition(state: ReflectorState<T>, input: ReflectorInput<T>): ReflectorStep<T> = when (state) {
        is Listing -> listing(state, input)
        is WatchListing -> watchListing(state, input)
        is Watching -> watching(state, input)
    }

    private fun listing(state: Listing<T>, input: ReflectorInput<T>): ReflectorStep<T> = when (input) {
        is ReflectorInput.Listed -> {
            val items = state.items + input.page.items
            val next = input.page.metadata?.`continue`?.takeIf { it.isNotEmpty() }
            val resourceVersion = input.page.metadata?.resourceVersion?.takeIf { it.isNotEmpty() }
            when {
                next != null -> step(state.copy(items = items, continueToken = next), ReflectorAction.List(requests.listPage(next)))
                resourceVersion == null -> restartList(state) // a list without a resourceVersion cannot be watched from
                else -> ReflectorStep(
                    listOf(ReflectorEvent.RelistEnded(items, resourceVersion)),
                    Watching(resourceVersion, progressed = false, failures = state.failures, useWatchList = state.useWatchList),
                    ReflectorAction.Watch(requests.watch(resourceVersion)),
                )
            }
        }
        is ReflectorInput.ListFailed -> restartList(state)
        else -> unexpected(state, input)
    }

    private fun restartList(state: Listing<T>): ReflectorStep<T> {
        val failures = state.failures + 1
        return step(state.copy(items = emptyList(), continueToken = null, failures = failures), after(failures, ReflectorAction.List(requests.listPage(null))))
    }

    private fun watchListing(state: WatchListing<T>, input: ReflectorInput<T>): ReflectorStep<T> = when (input) {
        is ReflectorInput.Event -> when (val event = input.event) {
            is WatchEvent.Added -> step(state.copy(items = state.items + (ObjectKey.of(event.obj) to event.obj), resourceVersion = event.resourceVersion ?: state.resourceVersion), KeepWatching)
            is WatchEvent.Modified -> step(state.copy(items = state.items + (ObjectKey.of(event.obj) to event.obj), resourceVersion = event.resourceVersion ?: state.resourceVersion), KeepWatching)
            is WatchEvent.Deleted -> step(state.copy(items = state.items - ObjectKey.of(event.obj), resourceVersion = event.resourceVersion ?: state.resourceVersion), KeepWatching)
            is WatchEvent.Bookmark ->
                if (event.initialEventsEnd) {
                    ReflectorStep(
                        listOf(ReflectorEvent.RelistEnded(state.items.values.toList(), event.resourceVersion)),
                        Watching(event.resourceVersion, progressed = true, failures = 0, useWatchList = true),
                        KeepWatching,
                    )
                } else {
                    fallBackToList(state) // a plain bookmark first: the server ignored sendInitialEvents
                }
        }
        ReflectorInput.WatchEnded, ReflectorInput.WatchIdle -> restartWatchList(state, state.resourceVersion)
        is ReflectorInput.WatchFailed -> when {
            input.error.refusesWatchList() -> fallBackToList(state)
            input.error.needsRelist() -> restartWatchList(state, null)
            else -> restartWatchList(state, state.resourceVersion)
        }
        else -> unexpected(state, input)
    }

    private fun restartWatchList(state: WatchListing<T>, resourceVersion: String?): ReflectorStep<T> {
        val failures = state.failures + 1
        return step(WatchListing(state.reason, emptyMap(), resourceVersion, failures), after(failures, ReflectorAction.Watch(requests.watchList(resourceVersion))))
    }

    private fun fallBackToList(state: WatchListing<T>): ReflectorStep<T> =
        step(Listing(state.reason, emptyList(), null, state.failures, useWatchList = false), ReflectorAction.List(requests.listPage(null)))

    private fun watching(state: Watching, input: ReflectorInput<T>): ReflectorStep<T> = when (input) {
        is ReflectorInput.Event -> {
            val event = input.event
            val next = state.copy(resourceVersion = event.resourceVersion ?: state.resourceVersion, progressed = true, failures = 0)
            val emitted = when (event) {
                is WatchEvent.Added -> ReflectorEvent.Added(event.obj)
                is WatchEvent.Modified -> ReflectorEvent.Modified(event.obj)
                is WatchEvent.Deleted -> ReflectorEvent.Deleted(event.obj)
                is WatchEvent.Bookmark -> null
            }
            ReflectorStep(listOfNotNull(emitted), next, KeepWatching)
        }
        ReflectorInput.WatchEnded ->
            if (state.progressed) {
                step(state.copy(progressed = false), ReflectorAction.Watch(requests.watch(state.resourceVersion)))
            } else {
                resume(state)
            }
        ReflectorInput.WatchIdle -> resume(state)
        is ReflectorInput.WatchFailed -> when {
            input.error.isGoneOrExpired() -> relist(RelistReason.GONE, state.failures + 1, state.useWatchList, state.resourceVersion)
            input.error.isTooLarge() -> relist(RelistReason.RESOURCE_VERSION_TOO_LARGE, state.failures + 1, state.useWatchList, state.resourceVersion)
            else -> resume(state)
        }
        else -> unexpected(state, input)
    }

    private fun resume(state: Watching): ReflectorStep<T> {
        val failures = state.failures + 1
        return step(state.copy(progressed = false, failures = failures), after(failures, ReflectorAction.Watch(requests.watch(state.resourceVersion))))
    }

    private fun relist(reason: RelistReason, failures: Int, useWatchList: Boolean, lastSeen: String?): ReflectorStep<T> {
        val started = listOf(ReflectorEvent.RelistStarted(reason))
        return if (useWatchList) {
            // NotOlderThan the last seen resourceVersion cannot go back in time, and is not compacted away
            val from = if (reason == RelistReason.RESOURCE_VERSION_TOO_LARGE) null else lastSeen
            ReflectorStep(started, WatchListing(reason, emptyMap(), from, failures), after(failures, ReflectorAction.Watch(requests.watchList(from))))
        } else {
            ReflectorStep(started, Listing(reason, emptyList(), null, failures, useWatchList = false), after(failures, ReflectorAction.List(requests.listPage(null))))
        }
    }

    private fun after(failures: Int, action: ReflectorAction): ReflectorAction =
        if (failures < 2) action else Backoff(backoff(failures - 1), action)

    private fun backoff(attempt: Int): Duration {
        var delay = config.initialBackoff
        repeat(minOf(attempt - 1, MAX_DOUBLINGS)) { delay *= 2 }
        return minOf(delay, config.maxBackoff)
    }

    private fun step(state: ReflectorState<T>, action: ReflectorAction) = ReflectorStep(emptyList(), state, action)

    private fun unexpected(state: ReflectorState<T>, input: ReflectorInput<T>): Nothing =
        throw IllegalStateException("reflector: input ${input::class.simpleName} cannot arrive in state ${state::class.simpleName}")

    private companion object {
        const val MAX_DOUBLINGS = 30

        fun Exception.isGoneOrExpired() = this is ApiException && (isGone || isExpired)
        fun Exception.isTooLarge() = this is ApiException && isResourceVersionTooLarge
        fun Exception.needsRelist() = isGoneOrExpired() || isTooLarge()

        /** A 4xx saying the request is not understood: WatchList is off or unknown on this server. */
        fun Exception.refusesWatchList() = this is ApiException && (isBadRequest || isInvalid || isMethodNotAllowed)
    }
}
