package io.kubekt.test.watch

import io.kubekt.test.store.EventSink
import io.kubekt.test.store.EventType
import io.kubekt.test.store.StoredEvent
import io.kubekt.test.store.VersionedStore
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue

/** What one watch sends: which objects, in which form, with which bookmarks and for how long. */
internal class WatchSpec(
    val resource: String,
    val keyPrefix: String,
    val matches: (JsonObject) -> Boolean,
    val present: (JsonObject) -> JsonObject,
    /** kind and apiVersion that BOOKMARK objects carry. */
    val bookmarkKind: String,
    val bookmarkApiVersion: String,
    val allowBookmarks: Boolean,
    val bookmarkInterval: Duration,
    val timeout: Duration?,
)

/**
 * One open watch: synthetic ADDED events for the initial state (if asked), the retained events
 * after the starting resourceVersion, then live events as they commit. An object that stops
 * matching the selectors is sent as DELETED, one that starts matching as ADDED.
 */
internal class WatchSession(
    private val store: VersionedStore,
    private val spec: WatchSpec,
    private val faults: FaultState,
) : EventSink {
    // Events wait in a plain queue; the conflated channel only wakes the writer, so a timed-out
    // wait can lose a wake-up (harmless) but never an event.
    private val queue = ConcurrentLinkedQueue<StoredEvent>()
    private val wakeUp = Channel<Unit>(Channel.CONFLATED)
    private val control = WatchControl()
    private var initial: List<JsonObject> = emptyList()
    private var backlog: List<StoredEvent> = emptyList()
    private var initialEventsEnd: Long? = null

    override fun offer(event: StoredEvent) {
        queue.add(event)
        wakeUp.trySend(Unit)
    }

    /**
     * Registers with the store; call holding the store lock. [initialState] are the objects to send
     * as ADDED first; [endBookmarkRv] asks for the `k8s.io/initial-events-end` bookmark after them.
     */
    fun start(fromRv: Long, initialState: List<JsonObject>, endBookmarkRv: Long?) {
        backlog = store.subscribe(this, fromRv)
        initial = initialState
        initialEventsEnd = endBookmarkRv
    }

    /**
     * Streams events through [write] (one JSON line each) until timeout, a dropped-stream fault,
     * cancellation, or [isOpen] turning false because the client went away.
     */
    suspend fun run(isOpen: () -> Boolean, write: suspend (String) -> Unit) {
        faults.watches += control
        try {
            val deadline = spec.timeout?.let { System.nanoTime() + it.toNanos() }
            var nextBookmark = System.nanoTime() + spec.bookmarkInterval.toNanos()
            for (obj in initial) if (!emit(write, "ADDED", obj)) return
            initialEventsEnd?.let { if (!emitBookmark(write, it, initialEventsEnd = true)) return }
            for (event in backlog) if (!handle(write, event)) return
            while (!control.dropped && isOpen()) {
                val now = System.nanoTime()
                if (deadline != null && now >= deadline) return
                val wait = listOfNotNull(deadline?.minus(now), nextBookmark - now, 50_000_000L).min().coerceAtLeast(1_000_000L)
                val event = queue.poll()
                if (event != null) {
                    if (!handle(write, event)) return
                    continue
                }
                withTimeoutOrNull(wait / 1_000_000L) { wakeUp.receive() }
                if (spec.allowBookmarks && System.nanoTime() >= nextBookmark) {
                    // Every event up to rv was queued before rv was published: bookmark only once they are all sent.
                    val rv = store.resourceVersions.value
                    if (queue.isNotEmpty()) continue
                    if (!emitBookmark(write, rv, initialEventsEnd = false)) return
                    nextBookmark = System.nanoTime() + spec.bookmarkInterval.toNanos()
                }
            }
        } finally {
            faults.watches -= control
            store.lock.lock()
            try { store.unsubscribe(this) } finally { store.lock.unlock() }
            wakeUp.close()
        }
    }

    private suspend fun handle(write: suspend (String) -> Unit, event: StoredEvent): Boolean {
        if (event.resource != spec.resource || !event.key.startsWith(spec.keyPrefix)) return true
        val was = event.prev?.let(spec.matches) ?: false
        val now = spec.matches(event.obj)
        val type = when (event.type) {
            EventType.ADDED -> if (now) "ADDED" else null
            EventType.MODIFIED -> when {
                was && now -> "MODIFIED"
                now -> "ADDED"
                was -> "DELETED"
                else -> null
            }
            EventType.DELETED -> if (was || now) "DELETED" else null
        } ?: return true
        return emit(write, type, event.obj)
    }

    private suspend fun emit(write: suspend (String) -> Unit, type: String, obj: JsonObject): Boolean {
        while (faults.stalled && !control.dropped) delay(20)
        if (control.dropped) return false
        write(line(type, spec.present(obj)))
        return !control.sent()
    }

    private suspend fun emitBookmark(write: suspend (String) -> Unit, rv: Long, initialEventsEnd: Boolean): Boolean {
        val obj = buildJsonObject {
            put("kind", spec.bookmarkKind)
            put("apiVersion", spec.bookmarkApiVersion)
            put("metadata", buildJsonObject {
                put("resourceVersion", rv.toString())
                if (initialEventsEnd) put("annotations", buildJsonObject { put("k8s.io/initial-events-end", "true") })
            })
        }
        while (faults.stalled && !control.dropped) delay(20)
        if (control.dropped) return false
        write(line("BOOKMARK", obj))
        return true
    }

    companion object {
        fun line(type: String, obj: JsonObject): String =
            buildJsonObject { put("type", JsonPrimitive(type)); put("object", obj) }.toString() + "\n"
    }
}
