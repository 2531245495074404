package io.kubekt.test.patch

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject

/**
 * Server-side apply's merge of an applied configuration into a live object, and the removal of
 * fields by path. Granular maps and structs merge key by key; atomic ones and atomic lists are
 * replaced; sets and map lists merge item by item (items matched by value or by their keys), live
 * items the configuration does not name keep their places, named ones follow the configuration's order.
 */
internal object ApplyMerge {
    fun merge(live: JsonElement?, config: JsonElement, node: SchemaNode): JsonElement = when {
        config is JsonObject && live is JsonObject && !node.atomicMap && !node.isScalar -> mergeMap(live, config, node)
        config is JsonArray && live is JsonArray && node.listType != SchemaNode.ListType.Atomic -> mergeList(live, config, node)
        else -> config
    }

    private fun mergeMap(live: JsonObject, config: JsonObject, node: SchemaNode): JsonObject {
        val out = LinkedHashMap(live)
        for ((key, value) in config) {
            if (value is JsonNull) out.remove(key) else out[key] = merge(live[key], value, node.child(key))
        }
        return JsonObject(out)
    }

    private fun mergeList(live: JsonArray, config: JsonArray, node: SchemaNode): JsonArray {
        val type = node.listType
        val liveIds = live.map { ObjectFields.element(it, type) }
        val configIds = config.map { ObjectFields.element(it, type) }
        if (null in liveIds || null in configIds) return config
        val liveById = liveIds.zip(live).toMap()
        val named = configIds.toSet()
        val out = LinkedHashMap<String, JsonElement>()
        var l = 0
        var c = 0
        while (l < live.size || c < config.size) {
            when {
                l < live.size && liveIds[l]!! in out -> l++
                l < live.size && liveIds[l] !in named -> { out[liveIds[l]!!] = live[l]; l++ }
                c < config.size -> {
                    val id = configIds[c]!!
                    out[id] = liveById[id]?.let { merge(it, config[c], node.item()) } ?: config[c]
                    c++
                }
                else -> l++
            }
        }
        return JsonArray(out.values.toList())
    }

    /** [value] without the node at [path] (path elements as in [FieldSet]); unchanged when absent. */
    fun remove(value: JsonElement, path: List<String>): JsonElement? {
        if (path.isEmpty()) return null
        val head = path.first()
        val rest = path.drop(1)
        return when (value) {
            is JsonObject -> {
                val name = FieldSet.fieldName(head) ?: return value
                val child = value[name] ?: return value
                val out = LinkedHashMap(value)
                val next = remove(child, rest)
                if (next == null) out.remove(name) else out[name] = next
                JsonObject(out)
            }
            is JsonArray -> {
                val at = value.indexOfFirst { matches(it, head) }.takeIf { it >= 0 } ?: return value
                val next = remove(value[at], rest)
                JsonArray(value.toMutableList().apply { if (next == null) removeAt(at) else set(at, next) })
            }
            else -> value
        }
    }

    private fun matches(item: JsonElement, element: String): Boolean {
        val body = element.substring(2)
        return when (element[0]) {
            'k' -> {
                val keys = Json.parseToJsonElement(body) as JsonObject
                item is JsonObject && keys.all { (k, v) -> item[k] == v }
            }
            'v' -> item == Json.parseToJsonElement(body)
            else -> false
        }
    }
}
