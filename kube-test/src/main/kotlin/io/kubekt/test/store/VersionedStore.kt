package io.kubekt.test.store

import io.kubekt.test.api.ApiError
import io.kubekt.test.api.Statuses
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.util.TreeMap
import java.util.concurrent.locks.ReentrantLock

/**
 * The object store: objects per resource keyed `namespace/name` (or `name`), one cluster-wide
 * resourceVersion counter, and a bounded history of events from which watches resume and past
 * snapshots are rebuilt (what etcd's MVCC gives the real server).
 *
 * Every method must be called holding [lock]; the caller makes a whole request atomic with it.
 */
internal class VersionedStore(historyLimit: Int) {
    val lock = ReentrantLock()
    private val objects = HashMap<String, TreeMap<String, JsonObject>>()
    private val history = ArrayDeque<StoredEvent>()
    private val sinks = LinkedHashSet<EventSink>()
    private val listeners = ArrayList<StoreListener>()
    private val rvState = MutableStateFlow(0L)

    var historyLimit: Int = historyLimit
        set(value) { field = value.coerceAtLeast(1); trim() }

    /** The latest committed resourceVersion. */
    var resourceVersion: Long = 0L
        private set

    /** Events with rv greater than this are retained; older resourceVersions are compacted. */
    var historyStart: Long = 0L
        private set

    val resourceVersions: StateFlow<Long> get() = rvState

    fun get(resource: String, key: String): JsonObject? = objects[resource]?.get(key)

    /** Current objects of [resource] whose key starts with [prefix], in key order. */
    fun list(resource: String, prefix: String = ""): List<Pair<String, JsonObject>> {
        val map = objects[resource] ?: return emptyList()
        val view = if (prefix.isEmpty()) map else map.subMap(prefix, true, prefix + Char.MAX_VALUE, true)
        return view.entries.map { it.key to it.value }
    }

    fun resources(): Set<String> = objects.keys.toSet()

    /** Registers [listener] for every later change of an object (not for history compaction). */
    fun listen(listener: StoreListener) {
        listeners += listener
    }

    /**
     * The objects of [resource] under [prefix] as they were at [rv], rebuilt by undoing newer events.
     * Throws 410 Expired when [rv] is older than the retained history.
     */
    fun listAt(resource: String, prefix: String, rv: Long, expiredMessage: String): List<Pair<String, JsonObject>> {
        if (rv >= resourceVersion) return list(resource, prefix)
        if (rv < historyStart) throw Statuses.expired(expiredMessage)
        val state = TreeMap<String, JsonObject>()
        list(resource, prefix).forEach { (k, v) -> state[k] = v }
        for (event in history.reversed()) {
            if (event.rv <= rv) break
            if (event.resource != resource || !event.key.startsWith(prefix)) continue
            when (event.type) {
                EventType.ADDED -> state.remove(event.key)
                EventType.MODIFIED, EventType.DELETED -> state[event.key] = event.prev!!
            }
        }
        return state.entries.map { it.key to it.value }
    }

    /** Stores [obj] under a new resourceVersion and records the event; returns the stamped object. */
    fun put(resource: String, key: String, obj: JsonObject, custom: Boolean): JsonObject {
        val prev = objects[resource]?.get(key)
        val rv = ++resourceVersion
        val stamped = Objects.normalize(Objects.withMeta(obj, "resourceVersion", JsonPrimitive(rv.toString())), custom)
        objects.getOrPut(resource) { TreeMap() }[key] = stamped
        listeners.forEach { it.changed(resource, key, prev, stamped) }
        record(StoredEvent(rv, if (prev == null) EventType.ADDED else EventType.MODIFIED, resource, key, stamped, prev))
        return stamped
    }

    /** Removes the object at [key]; the DELETED event carries [last] stamped with the deletion's resourceVersion. */
    fun remove(resource: String, key: String, last: JsonObject): JsonObject {
        val prev = objects[resource]?.remove(key) ?: return last
        listeners.forEach { it.changed(resource, key, prev, null) }
        val rv = ++resourceVersion
        val stamped = Objects.withMeta(last, "resourceVersion", JsonPrimitive(rv.toString()))
        record(StoredEvent(rv, EventType.DELETED, resource, key, stamped, prev))
        return stamped
    }

    /**
     * Registers [sink] for events after [fromRv] and returns the retained ones already past it.
     * Throws [ApiError] 410 when [fromRv] is older than the history.
     */
    fun subscribe(sink: EventSink, fromRv: Long): List<StoredEvent> {
        if (fromRv < historyStart) {
            throw Statuses.expired("too old resource version: $fromRv ($historyStart)")
        }
        sinks += sink
        return history.filter { it.rv > fromRv }
    }

    fun unsubscribe(sink: EventSink) {
        sinks -= sink
    }

    /** Drops all history: every resourceVersion before now becomes too old. */
    fun compact() {
        history.clear()
        historyStart = resourceVersion
    }

    /** Forgets every object (the resourceVersion counter keeps counting) and compacts. */
    fun clear() {
        objects.clear()
        listeners.forEach { it.cleared() }
        compact()
    }

    private fun record(event: StoredEvent) {
        history.addLast(event)
        trim()
        sinks.toList().forEach { it.offer(event) }
        rvState.value = event.rv
    }

    private fun trim() {
        while (history.size > historyLimit) historyStart = history.removeFirst().rv
    }
}
