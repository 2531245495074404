package io.kubekt.dynamic

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Builds an [Unstructured]: fluent setters for the common members and metadata, and [set] /
 * [remove] for any member by path. Not thread-safe; [build] may be called more than once.
 */
public class UnstructuredBuilder internal constructor(from: JsonObject) {
    private var json: JsonObject = from

    public fun apiVersion(value: String): UnstructuredBuilder = put("apiVersion", JsonPrimitive(value))
    public fun kind(value: String): UnstructuredBuilder = put("kind", JsonPrimitive(value))
    public fun name(value: String): UnstructuredBuilder = set(listOf("metadata", "name"), JsonPrimitive(value))
    public fun namespace(value: String): UnstructuredBuilder = set(listOf("metadata", "namespace"), JsonPrimitive(value))
    public fun generateName(value: String): UnstructuredBuilder = set(listOf("metadata", "generateName"), JsonPrimitive(value))

    /** Sets `metadata.resourceVersion` (null removes it, e.g. for an update without a precondition). */
    public fun resourceVersion(value: String?): UnstructuredBuilder =
        if (value == null) remove("metadata", "resourceVersion") else set(listOf("metadata", "resourceVersion"), JsonPrimitive(value))

    /** Adds or replaces one label. */
    public fun label(key: String, value: String): UnstructuredBuilder = set(listOf("metadata", "labels", key), JsonPrimitive(value))

    /** Adds or replaces one annotation. */
    public fun annotation(key: String, value: String): UnstructuredBuilder =
        set(listOf("metadata", "annotations", key), JsonPrimitive(value))

    /** Replaces `metadata.finalizers`. */
    public fun finalizers(values: List<String>): UnstructuredBuilder =
        set(listOf("metadata", "finalizers"), JsonArray(values.map { JsonPrimitive(it) }))

    /** Sets the top-level member [key]. */
    public fun put(key: String, value: JsonElement): UnstructuredBuilder = set(listOf(key), value)

    /** Sets the member at [path] (e.g. `["spec", "replicas"]`), creating objects on the way and replacing non-objects. */
    public fun set(path: List<String>, value: JsonElement): UnstructuredBuilder = apply {
        require(path.isNotEmpty()) { "the path to set is empty" }
        json = with(json, path, value)
    }

    /** Sets the text at [path]. */
    public fun set(path: List<String>, value: String): UnstructuredBuilder = set(path, JsonPrimitive(value))

    /** Sets the number at [path]. */
    public fun set(path: List<String>, value: Long): UnstructuredBuilder = set(path, JsonPrimitive(value))

    /** Sets the boolean at [path]. */
    public fun set(path: List<String>, value: Boolean): UnstructuredBuilder = set(path, JsonPrimitive(value))

    /** Removes the member at [path]; nothing happens when it is absent. */
    public fun remove(vararg path: String): UnstructuredBuilder = apply {
        require(path.isNotEmpty()) { "the path to remove is empty" }
        json = without(json, path.toList()) ?: json
    }

    /** The object as built so far. */
    public fun build(): Unstructured = Unstructured.of(json)

    private fun with(obj: JsonObject, path: List<String>, value: JsonElement): JsonObject {
        val key = path.first()
        val inner = if (path.size == 1) value else with(obj[key] as? JsonObject ?: JsonObject(emptyMap()), path.drop(1), value)
        return JsonObject(LinkedHashMap(obj).apply { put(key, inner) })
    }

    private fun without(obj: JsonObject, path: List<String>): JsonObject? {
        val key = path.first()
        if (path.size == 1) return if (key in obj) JsonObject(LinkedHashMap(obj).apply { remove(key) }) else null
        val child = obj[key] as? JsonObject ?: return null
        val changed = without(child, path.drop(1)) ?: return null
        return JsonObject(LinkedHashMap(obj).apply { put(key, changed) })
    }
}
