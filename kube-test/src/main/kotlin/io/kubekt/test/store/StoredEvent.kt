package io.kubekt.test.store

import kotlinx.serialization.json.JsonObject

/** A watch event type as the API server names it. */
internal enum class EventType { ADDED, MODIFIED, DELETED }

/**
 * One committed change: [obj] is the object as of [rv] (for DELETED, the last state stamped with
 * the deletion's resourceVersion), [prev] the state before (null for ADDED).
 */
internal class StoredEvent(
    val rv: Long,
    val type: EventType,
    val resource: String,
    val key: String,
    val obj: JsonObject,
    val prev: JsonObject?,
)

/** Receives committed events while registered with a [VersionedStore]; called under the store lock. */
internal fun interface EventSink {
    fun offer(event: StoredEvent)
}
