package io.kubekt.config

import com.charleskorn.kaml.YamlList
import com.charleskorn.kaml.YamlMap
import com.charleskorn.kaml.YamlNode
import com.charleskorn.kaml.YamlNull
import com.charleskorn.kaml.YamlScalar
import com.charleskorn.kaml.YamlTaggedNode
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Converts a YAML tree to JSON, as Kubernetes does for embedded objects (kubeconfig `extensions`).
 *
 * kaml does not say whether a scalar was quoted, so a scalar that reads as a YAML boolean, number
 * or null becomes that JSON type; anything else is a string.
 */
internal object YamlJson {
    private val integer = Regex("[-+]?(0|[1-9][0-9]*)")
    private val decimal = Regex("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")

    fun toJson(node: YamlNode): JsonElement = when (node) {
        is YamlNull -> JsonNull
        is YamlTaggedNode -> toJson(node.innerNode)
        is YamlList -> JsonArray(node.items.map(::toJson))
        is YamlMap -> JsonObject(node.entries.entries.associate { (k, v) -> k.content to toJson(v) })
        is YamlScalar -> scalar(node.content)
        else -> JsonNull
    }

    private fun scalar(text: String): JsonElement = when {
        text == "true" || text == "false" -> JsonPrimitive(text.toBooleanStrict())
        text == "null" || text == "~" -> JsonNull
        integer.matches(text) -> text.toLongOrNull()?.let(::JsonPrimitive) ?: JsonPrimitive(text.toBigDecimal())
        decimal.matches(text) -> JsonPrimitive(text.toBigDecimal())
        else -> JsonPrimitive(text)
    }
}
