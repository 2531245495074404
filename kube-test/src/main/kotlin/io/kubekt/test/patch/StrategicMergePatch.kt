package io.kubekt.test.patch

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/**
 * Strategic merge patch as the API server applies it: objects merge recursively and `null`
 * removes a key; lists whose field declares patch strategy `merge` merge by their patch merge key
 * (or as a set of primitives), any other list is replaced. Directives: `$patch: replace|delete|merge`
 * on an object or as a list element, `$retainKeys`, `$deleteFromPrimitiveList/<field>` and
 * `$setElementOrder/<field>`. Merged lists are ordered as apimachinery orders them: the patch's
 * items in patch order, interleaved with the items only the server had, in their old order.
 *
 * @throws PatchFailure when the patch cannot be applied (e.g. a list item without its merge key).
 */
internal object StrategicMergePatch {
    private const val DIRECTIVE = "\$patch"
    private const val RETAIN_KEYS = "\$retainKeys"
    private const val DELETE_FROM_PRIMITIVE_LIST = "\$deleteFromPrimitiveList/"
    private const val SET_ELEMENT_ORDER = "\$setElementOrder/"

    fun apply(target: JsonObject, patch: JsonObject, schema: SchemaNode): JsonObject = mergeMap(target, patch, schema)

    private fun mergeMap(original: JsonObject, patch: JsonObject, node: SchemaNode): JsonObject {
        when (val directive = patch[DIRECTIVE]?.let(::text)) {
            null, "merge" -> Unit
            "replace" -> return JsonObject(patch.filterKeys { it != DIRECTIVE })
            "delete" -> return JsonObject(emptyMap())
            else -> throw PatchFailure("Unknown patch type: $directive in map: $patch")
        }
        val result = LinkedHashMap(original)
        (patch[RETAIN_KEYS] as? JsonArray)?.let { keys -> result.keys.retainAll(keys.mapNotNull(::text).toSet()) }
        for ((key, values) in patch) {
            if (!key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) continue
            val field = key.removePrefix(DELETE_FROM_PRIMITIVE_LIST)
            val list = result[field] as? JsonArray ?: continue
            val remove = (values as? JsonArray ?: throw PatchFailure("$key must hold a list")).toSet()
            result[field] = JsonArray(list.filter { it !in remove })
        }
        val orders = patch.filterKeys { it.startsWith(SET_ELEMENT_ORDER) }
            .mapKeys { it.key.removePrefix(SET_ELEMENT_ORDER) }
            .mapValues { it.value as? JsonArray ?: throw PatchFailure("${SET_ELEMENT_ORDER}${it.key} must hold a list") }
        for ((key, value) in patch) {
            if (key.startsWith("$")) continue
            if (value is JsonNull) {
                result.remove(key)
                continue
            }
            result[key] = mergeValue(result[key], value, node.child(key), orders[key])
        }
        for ((field, order) in orders) {
            if (field in patch) continue
            val list = result[field] as? JsonArray ?: continue
            result[field] = JsonArray(ListOrder.normalize(list, order, list, identity(node.child(field))))
        }
        return JsonObject(result)
    }

    private fun mergeValue(original: JsonElement?, patch: JsonElement, node: SchemaNode, order: JsonArray?): JsonElement = when (patch) {
        is JsonObject -> mergeMap(original as? JsonObject ?: JsonObject(emptyMap()), patch, node)
        is JsonArray ->
            if ("merge" in node.patchStrategies) mergeList(original as? JsonArray ?: JsonArray(emptyList()), patch, node, order)
            else JsonArray(patch.filterNot { directive(it) != null })
        else -> patch
    }

    private fun mergeList(original: JsonArray, patch: JsonArray, node: SchemaNode, order: JsonArray?): JsonArray {
        if (patch.any { directive(it) == "replace" }) return JsonArray(patch.filter { directive(it) == null })
        val key = node.patchMergeKey
        val maps = patch.any { it is JsonObject } || original.any { it is JsonObject }
        if (!maps || key == null) {
            if (maps) throw PatchFailure("cannot merge lists without merge key for ${patch.firstOrNull()}")
            val merged = LinkedHashSet<JsonElement>(original).apply { addAll(patch) }.toList()
            return JsonArray(ListOrder.normalize(merged, order ?: patch, original) { it })
        }
        val id = { item: JsonElement -> (item as? JsonObject)?.get(key) }
        val deletes = patch.filter { directive(it) == "delete" }.map { id(it) ?: throw PatchFailure("delete directive without merge key $key: $it") }.toSet()
        val merged = original.filter { id(it) !in deletes }.toMutableList()
        val items = patch.filter { directive(it) == null }
        for (item in items) {
            val itemKey = id(item) ?: throw PatchFailure("map: $item does not contain declared merge key: $key")
            val at = merged.indexOfFirst { id(it) == itemKey }
            val base = if (at >= 0) merged[at] as JsonObject else JsonObject(emptyMap())
            val next = mergeMap(base, item as JsonObject, node.item())
            if (at >= 0) merged[at] = next else merged += next
        }
        return JsonArray(ListOrder.normalize(merged, order ?: JsonArray(items), original, id))
    }

    private fun identity(node: SchemaNode): (JsonElement) -> JsonElement? {
        val key = node.patchMergeKey ?: return { it }
        return { item -> if (item is JsonObject) item[key] else item }
    }

    private fun directive(element: JsonElement): String? =
        ((element as? JsonObject)?.get(DIRECTIVE) as? JsonPrimitive)?.contentOrNull

    private fun text(element: JsonElement): String? = (element as? JsonPrimitive)?.contentOrNull
}
