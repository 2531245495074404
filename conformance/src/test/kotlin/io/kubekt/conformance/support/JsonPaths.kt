package io.kubekt.conformance.support

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.jsonObject

/** The element at dotted [path] (`metadata.name`, `items.0.metadata.name`), or null. */
fun JsonElement.at(path: String): JsonElement? = path.split('.').fold(this as JsonElement?) { node, key ->
    when (node) {
        is JsonObject -> node[key]
        is JsonArray -> key.toIntOrNull()?.let { node.getOrNull(it) }
        else -> null
    }
}?.takeUnless { it is JsonNull }

/** The string (or number, as text) at [path], or null. */
fun JsonElement.str(path: String): String? = (at(path) as? JsonPrimitive)?.contentOrNull

/** The object's `metadata.resourceVersion` as a number. */
fun JsonElement.rv(): Long = requireNotNull(str("metadata.resourceVersion")) { "no metadata.resourceVersion in $this" }.toLong()

/** The names of a list's items. */
fun JsonElement.itemNames(): List<String> = (at("items") as? JsonArray).orEmpty().mapNotNull { it.str("metadata.name") }

/** The object as a [JsonObject]. */
val JsonElement.obj: JsonObject get() = jsonObject
