package io.kubekt.client

import io.kubekt.api.KubeModel
import io.kubekt.api.KubeObject
import io.kubekt.request.KubeJson
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * Reads `managedFields`: [extract] builds the part of a live object one field manager owns by
 * server-side apply (client-go's `ExtractX` functions), the starting point of an apply that
 * changes a few fields without giving up the others the manager owns.
 */
public object ManagedFields {
    /**
     * The fields of [obj] that [fieldManager] owns through apply (operation `Apply`, on the main
     * resource or on [subresource]), with `apiVersion`, `kind`, `metadata.name` and
     * `metadata.namespace` set; an object holding only those when the manager owns nothing.
     * Pure: no request is sent.
     */
    @JvmStatic
    @JvmOverloads
    public fun <T : KubeModel<T, *>> extract(obj: T, fieldManager: String, subresource: String? = null): T {
        val meta = (obj as? KubeObject)?.metadata
        val owned = meta?.managedFields.orEmpty().filter {
            it.manager == fieldManager && it.operation == "Apply" && it.subresource.orEmpty() == subresource.orEmpty()
        }
        val live = obj.modelType.encodeToJsonElement(obj) as JsonObject
        var result = JsonObject(emptyMap())
        for (entry in owned) {
            val set = entry.fieldsV1?.json as? JsonObject ?: continue
            result = merge(result, pick(live, set) as? JsonObject ?: continue)
        }
        val identity = LinkedHashMap<String, JsonElement>()
        live["apiVersion"]?.let { identity["apiVersion"] = it }
        live["kind"]?.let { identity["kind"] = it }
        val liveMeta = live["metadata"] as? JsonObject
        val keptMeta = LinkedHashMap((result["metadata"] as? JsonObject).orEmpty())
        liveMeta?.get("name")?.let { keptMeta["name"] = it }
        liveMeta?.get("namespace")?.let { keptMeta["namespace"] = it }
        identity["metadata"] = JsonObject(keptMeta)
        // identity first, then the owned fields in the live object's order, as the server writes objects
        return obj.modelType.decode(JsonObject(identity + result.filterKeys { it !in identity }))
    }

    /** The parts of [value] named by the field set [set] (`f:`, `k:`, `v:`, `i:` keys; `.` marks the node itself). */
    private fun pick(value: JsonElement, set: JsonObject): JsonElement? = when (value) {
        is JsonObject -> JsonObject(
            set.entries.mapNotNull { (key, sub) ->
                if (!key.startsWith("f:")) return@mapNotNull null
                val name = key.substring(2)
                val child = value[name] ?: return@mapNotNull null
                val subset = sub as? JsonObject
                name to (if (subset == null || subset.keys.all { it == "." }) child else pick(child, subset) ?: return@mapNotNull null)
            }.toMap(),
        )
        is JsonArray -> JsonArray(
            value.mapIndexedNotNull { i, element ->
                val key = set.keys.firstOrNull { k -> matches(k, element, i) } ?: return@mapIndexedNotNull null
                val subset = set[key] as? JsonObject
                if (subset == null || subset.keys.all { it == "." }) return@mapIndexedNotNull element
                val picked = pick(element, subset) ?: return@mapIndexedNotNull null
                if (key.startsWith("k:") && picked is JsonObject) JsonObject(keyFields(key) + picked) else picked
            },
        )
        else -> value
    }

    private fun matches(key: String, element: JsonElement, index: Int): Boolean = when {
        key.startsWith("k:") -> element is JsonObject && keyFields(key).all { (k, v) -> element[k] == v }
        key.startsWith("v:") -> KubeJson.parseToJsonElement(key.substring(2)) == element
        key.startsWith("i:") -> key.substring(2).toIntOrNull() == index
        else -> false
    }

    private fun keyFields(key: String): JsonObject = KubeJson.parseToJsonElement(key.substring(2)) as JsonObject

    private fun merge(a: JsonObject, b: JsonObject): JsonObject {
        val out = LinkedHashMap<String, JsonElement>(a)
        for ((k, v) in b) {
            val old = out[k]
            out[k] = if (old is JsonObject && v is JsonObject) merge(old, v) else v
        }
        return JsonObject(out)
    }

}
