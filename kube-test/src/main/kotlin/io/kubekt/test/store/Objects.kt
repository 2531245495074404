package io.kubekt.test.store

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.jsonPrimitive
import java.time.Instant
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit

/** Read and copy-on-write helpers over objects held as [JsonObject]. */
internal object Objects {
    private val metadataOrder = listOf(
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    )

    fun meta(obj: JsonObject): JsonObject = obj["metadata"] as? JsonObject ?: JsonObject(emptyMap())

    fun metaString(obj: JsonObject, field: String): String? = (meta(obj)[field] as? JsonPrimitive)?.contentOrNull

    fun name(obj: JsonObject): String? = metaString(obj, "name")?.takeIf { it.isNotEmpty() }
    fun namespace(obj: JsonObject): String? = metaString(obj, "namespace")?.takeIf { it.isNotEmpty() }
    fun uid(obj: JsonObject): String? = metaString(obj, "uid")
    fun resourceVersion(obj: JsonObject): String? = metaString(obj, "resourceVersion")?.takeIf { it.isNotEmpty() }
    fun deletionTimestamp(obj: JsonObject): String? = metaString(obj, "deletionTimestamp")
    fun generation(obj: JsonObject): Long? = (meta(obj)["generation"] as? JsonPrimitive)?.contentOrNull?.toLongOrNull()

    fun stringMap(obj: JsonObject, field: String): Map<String, String> =
        (meta(obj)[field] as? JsonObject)?.mapValues { (it.value as? JsonPrimitive)?.contentOrNull ?: "" } ?: emptyMap()

    fun labels(obj: JsonObject): Map<String, String> = stringMap(obj, "labels")

    fun finalizers(obj: JsonObject): List<String> =
        (meta(obj)["finalizers"] as? JsonArray)?.mapNotNull { (it as? JsonPrimitive)?.contentOrNull } ?: emptyList()

    fun ownerReferences(obj: JsonObject): List<JsonObject> =
        (meta(obj)["ownerReferences"] as? JsonArray)?.filterIsInstance<JsonObject>() ?: emptyList()

    /** A copy of [obj] with top-level [field] set (or removed when [value] is null), keeping key order. */
    fun with(obj: JsonObject, field: String, value: JsonElement?): JsonObject {
        val map = LinkedHashMap(obj)
        if (value == null) map.remove(field) else map[field] = value
        return JsonObject(map)
    }

    /** A copy of [obj] with `metadata.[field]` set (or removed when [value] is null). */
    fun withMeta(obj: JsonObject, field: String, value: JsonElement?): JsonObject =
        with(obj, "metadata", with(meta(obj), field, value))

    fun withMeta(obj: JsonObject, values: Map<String, JsonElement?>): JsonObject {
        var m = meta(obj)
        values.forEach { (k, v) -> m = with(m, k, v) }
        return with(obj, "metadata", m)
    }

    /** Walks a dotted [path] (`spec.nodeName`) to a leaf. */
    fun at(obj: JsonObject, path: String): JsonElement? {
        var current: JsonElement? = obj
        for (part in path.split('.')) current = (current as? JsonObject)?.get(part) ?: return null
        return current
    }

    fun text(element: JsonElement?): String? = when (element) {
        null, JsonNull -> null
        is JsonPrimitive -> element.contentOrNull
        else -> element.toString()
    }

    fun str(value: String?): JsonElement = if (value == null) JsonNull else JsonPrimitive(value)

    /** Kind, apiVersion, metadata first, metadata fields in the order the API server writes them. */
    fun normalize(obj: JsonObject, custom: Boolean): JsonObject {
        val trimmed = dropEmpty(obj, custom)
        if (custom) return sortKeys(trimmed) as JsonObject
        val out = LinkedHashMap<String, JsonElement>()
        listOf("kind", "apiVersion").forEach { k -> trimmed[k]?.let { out[k] = it } }
        (trimmed["metadata"] as? JsonObject)?.let { out["metadata"] = orderMetadata(it) }
        trimmed.forEach { (k, v) -> if (k !in out) out[k] = v }
        return JsonObject(out)
    }

    /**
     * Empty maps and lists of `omitempty` fields are not stored (Go drops them when encoding):
     * ObjectMeta's for every kind, ConfigMap/Secret data for built-ins. Custom resources keep
     * their own empty fields, as their JSON is stored as sent.
     */
    private fun dropEmpty(obj: JsonObject, custom: Boolean): JsonObject {
        fun JsonElement.isEmptyCollection() = (this is JsonObject && isEmpty()) || (this is JsonArray && isEmpty())
        val meta = obj["metadata"] as? JsonObject
        val cleanMeta = meta?.let { m -> JsonObject(m.filter { (k, v) -> !(k in omitEmptyMetadata && v.isEmptyCollection()) }) }
        val top = obj.filter { (k, v) -> custom || !(k in omitEmptyTopLevel && v.isEmptyCollection()) }
        return if (cleanMeta == null) JsonObject(top) else JsonObject(top + ("metadata" to cleanMeta))
    }

    private val omitEmptyMetadata = setOf("labels", "annotations", "finalizers", "ownerReferences", "managedFields")
    private val omitEmptyTopLevel = setOf("data", "binaryData", "stringData")

    private fun orderMetadata(meta: JsonObject): JsonObject {
        val out = LinkedHashMap<String, JsonElement>()
        metadataOrder.forEach { k -> meta[k]?.let { out[k] = it } }
        meta.forEach { (k, v) -> if (k !in out) out[k] = v }
        return JsonObject(out)
    }

    private fun sortKeys(element: JsonElement): JsonElement = when (element) {
        is JsonObject -> JsonObject(element.toSortedMap().mapValuesTo(LinkedHashMap()) { sortKeys(it.value) })
        is JsonArray -> JsonArray(element.map { sortKeys(it) })
        else -> element
    }

    fun now(): Instant = Instant.now().truncatedTo(ChronoUnit.SECONDS)

    /** RFC 3339 in UTC, seconds precision, as `metav1.Time` serialises. */
    fun timestamp(instant: Instant = now()): String = DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS))

    fun long(element: JsonElement?): Long? = (element as? JsonPrimitive)?.contentOrNull?.toLongOrNull()

    fun bool(element: JsonElement?): Boolean? = (element as? JsonPrimitive)?.contentOrNull?.toBooleanStrictOrNull()

    fun primitive(element: JsonElement?): String? = runCatching { element?.jsonPrimitive?.contentOrNull }.getOrNull()
}
