package io.kubekt.test.store

import kotlinx.serialization.json.JsonObject

/**
 * Told of every change to a [VersionedStore]'s objects as it is committed, under the store lock:
 * what the control plane's controllers index to find their work without scanning the store.
 */
internal interface StoreListener {
    /** The object of [resource] at [key] went from [prev] (null: created) to [next] (null: removed). */
    fun changed(resource: String, key: String, prev: JsonObject?, next: JsonObject?)

    /** Every object was forgotten at once. */
    fun cleared()
}
