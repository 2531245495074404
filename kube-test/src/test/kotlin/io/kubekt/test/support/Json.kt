package io.kubekt.test.support

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/** Dotted-path access into JSON for assertions: `obj.at("metadata.name")`. */
fun JsonElement.at(path: String): JsonElement? =
    path.split('.').fold(this as JsonElement?) { node, key ->
        when (node) {
            is JsonObject -> node[key]
            is JsonArray -> key.toIntOrNull()?.let { node.getOrNull(it) }
            else -> null
        }
    }

fun JsonElement.str(path: String): String? = (at(path) as? JsonPrimitive)?.contentOrNull

fun JsonElement.items(): List<JsonObject> = (at("items") as JsonArray).map { it as JsonObject }

fun JsonElement.names(): List<String> = items().map { it.str("metadata.name")!! }

fun JsonElement.rv(): Long = str("metadata.resourceVersion")!!.toLong()

/** Replaces [from] by [to] in every string of a JSON tree (for run-specific uids in recorded messages). */
fun JsonElement.replacing(from: String, to: String): JsonElement = when (this) {
    is JsonObject -> JsonObject(mapValues { it.value.replacing(from, to) })
    is JsonArray -> JsonArray(map { it.replacing(from, to) })
    is JsonPrimitive -> if (isString) JsonPrimitive(content.replace(from, to)) else this
}
