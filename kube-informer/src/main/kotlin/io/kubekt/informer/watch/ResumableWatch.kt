package io.kubekt.informer.watch

import io.kubekt.InternalKubektApi
import io.kubekt.client.KubeClient
import io.kubekt.client.StreamHandle
import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchListener
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.isActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.FlowCollector
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.jdk9.asPublisher
import kotlinx.coroutines.job
import org.slf4j.LoggerFactory
import java.util.concurrent.Flow.Publisher
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.random.Random
import kotlin.time.TimeSource

/**
 * A watch that survives disconnects (client-go's RetryWatcher): it watches [listWatch] from
 * [resourceVersion] with bookmarks, follows the resourceVersion of every event and bookmark,
 * and when a stream ends, fails with a retryable error (transport, 5xx, 429) or stays silent past
 * [ResumableWatchConfig.idleTimeout], reopens it from the last resourceVersion seen. The first
 * failure after progress is retried at once; each further consecutive one after a jittered
 * backoff doubling from [ResumableWatchConfig.initialBackoff] to [ResumableWatchConfig.maxBackoff].
 *
 * Bookmarks are passed through: they are the only sign of progress while nothing changes, so a
 * caller that stores its position (to resume after a restart) needs them; filter them out with
 * `filterNot { it is WatchEvent.Bookmark }` otherwise.
 *
 * Ends with an [io.kubekt.error.ApiException] when it cannot go on: `isGone` (410 Gone/Expired:
 * the resourceVersion was compacted away; only a new list can give a starting point, which is
 * what [io.kubekt.informer.reflector.Reflector] does), or an error that retrying cannot fix
 * (403, 404 of the resource type, 400, 422); also with any other non-retryable error.
 *
 * Why [resourceVersion] is required and neither empty nor "0": both mean "start from any
 * state", which a watch answers with a synthetic `ADDED` for every existing object; after a
 * reopen the watcher cannot tell those from real changes, and "0" may be served from a stale
 * cache and go back in time. Start from the resourceVersion of a list (or of an object).
 *
 * Kotlin: [events] (or `listWatch.resumableWatch(rv) { }`); Java: [start] with a listener, or
 * [publisher]. [random] jitters the backoff and [timeSource] measures the idle deadline.
 *
 * @throws IllegalArgumentException when [resourceVersion] is empty or "0".
 */
public class ResumableWatch<T> @JvmOverloads constructor(
    private val listWatch: ListWatch<T>,
    private val resourceVersion: String,
    private val config: ResumableWatchConfig = ResumableWatchConfig.DEFAULT,
    private val random: Random = Random.Default,
    private val timeSource: TimeSource = TimeSource.Monotonic,
) {
    init {
        require(resourceVersion.isNotEmpty() && resourceVersion != "0") {
            "a resumable watch needs a resourceVersion to start from (of a list or an object), not \"$resourceVersion\": " +
                "\"\" and \"0\" replay existing objects as ADDED and cannot be resumed"
        }
    }

    /**
     * The events from [resourceVersion] on, bookmarks included, across reopened watches: cold,
     * each collection watches anew; cancelling the collector closes the current watch. Never
     * ends normally; see the class for the errors it ends with.
     */
    @JvmSynthetic
    public fun events(): Flow<WatchEvent<T>> = flow {
        var position = resourceVersion
        var failures = 0
        while (true) {
            var progressed = false
            val failure = watchOnce(position) { event ->
                event.resourceVersion?.takeIf { it.isNotEmpty() }?.let { position = it }
                progressed = true
            }
            failures = when {
                failure == null && progressed -> 0 // the server ended a healthy stream: reopen at once
                progressed -> 1 // the first failure after progress is retried at once
                else -> failures + 1
            }
            val wait = WatchRetry.delayAfter(failures, failure, config, random)
            if (wait.isPositive()) {
                log.debug("resumable watch: failure {} in a row, reopening from {} in {}", failures, position, wait)
                delay(wait)
            }
        }
    }

    /**
     * One watch from [from], emitting its events after [onEvent]; returns null when the server
     * ended it, the retryable error or idleness that ended it otherwise, and throws what ends
     * the flow (and whatever the downstream collector throws).
     */
    private suspend fun FlowCollector<WatchEvent<T>>.watchOnce(from: String, onEvent: (WatchEvent<T>) -> Unit): Exception? {
        var downstream: Throwable? = null
        return try {
            collectUntilIdle(listWatch, options(from), config.idleTimeout, timeSource) { event ->
                onEvent(event)
                try {
                    emit(event)
                } catch (e: Throwable) {
                    downstream = e
                    throw e
                }
            }
            null
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            // A failure seen once cancelled (e.g. the connection a closing client shut) is the
            // cancellation's consequence: end as cancelled rather than report or retry it.
            if (e !== downstream) currentCoroutineContext().ensureActive()
            when {
                e === downstream -> throw e
                e is IdleWatchException -> e.also { log.info("resumable watch: silent for {}, reopening from {}", config.idleTimeout, from) }
                WatchRetry.isRetryable(e) -> e.also { log.info("resumable watch: stream from {} failed ({}), reopening", from, e.message) }
                else -> throw e
            }
        }
    }

    private fun options(from: String) = ListOptions(
        labelSelector = config.labelSelector,
        fieldSelector = config.fieldSelector,
        resourceVersion = from,
        allowWatchBookmarks = true,
        timeoutSeconds = config.watchTimeout.inWholeSeconds,
    )

    /**
     * Java: delivers [events] to [listener] in [client]'s scope until the handle is closed, the
     * watch ends or the client is closed. `onClose` is called once, last: with null when the
     * handle or the client was closed (the handle's `completion()` completes normally), with the
     * error when the watch failed (e.g. a 410 [io.kubekt.error.ApiException]; `completion()`
     * completes exceptionally with it). Why a client: the watch runs in a scope the client owns,
     * never on a thread of its own.
     *
     * @throws IllegalStateException when [client] is closed.
     */
    @OptIn(InternalKubektApi::class)
    public fun start(client: KubeClient, listener: WatchListener<T>): StreamHandle =
        client.deliver(events(), listener, "resumable watch from $resourceVersion")

    /**
     * Java: the events as a `java.util.concurrent.Flow.Publisher`; each subscription runs one
     * watch on `Dispatchers.IO` with the subscriber's demand as backpressure, in a scope of
     * [client]; cancelling the subscription closes the watch. Closing the client ends it with
     * `onComplete` (the source was closed on purpose, as the listener form's `onClose(null)`);
     * a 410 or other final error reaches `onError`, and so does subscribing to a closed client
     * (an [IllegalStateException]).
     */
    @OptIn(InternalKubektApi::class)
    public fun publisher(client: KubeClient): Publisher<WatchEvent<T>> = flow {
        val owner = client.childScope("resumable watch from $resourceVersion").coroutineContext.job
        val clientClosed = AtomicBoolean(false)
        try {
            coroutineScope {
                val collector = coroutineContext.job
                val link = owner.invokeOnCompletion {
                    clientClosed.set(true)
                    collector.cancel(CancellationException("KubeClient closed"))
                }
                try {
                    emitAll(events())
                } finally {
                    link.dispose()
                    owner.cancel()
                }
            }
        } catch (e: Throwable) {
            // The client's close ends the stream normally; whatever failed while it closed (a
            // cancelled request, a closed connection) is its consequence. A cancelled subscription
            // (this coroutine no longer active) still ends as the subscription wants.
            if (!clientClosed.get() || !currentCoroutineContext().isActive) throw e
            log.debug("resumable watch from {}: client closed, completing", resourceVersion)
        }
    }.asPublisher(Dispatchers.IO)

    override fun toString(): String = "ResumableWatch(from $resourceVersion of $listWatch)"

    private companion object {
        val log = LoggerFactory.getLogger(ResumableWatch::class.java)
    }
}
