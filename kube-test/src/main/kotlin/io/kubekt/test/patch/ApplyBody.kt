package io.kubekt.test.patch

import com.charleskorn.kaml.Yaml
import com.charleskorn.kaml.YamlList
import com.charleskorn.kaml.YamlMap
import com.charleskorn.kaml.YamlNode
import com.charleskorn.kaml.YamlNull
import com.charleskorn.kaml.YamlScalar
import com.charleskorn.kaml.YamlTaggedNode
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * The body of an apply patch: YAML, of which JSON is a subset. JSON is read as JSON; YAML
 * scalars that read as booleans, numbers or null become those JSON types (the parser does not
 * say whether a scalar was quoted, so `"1"` in YAML flow style still becomes a string only in JSON).
 */
internal object ApplyBody {
    private val integer = Regex("[-+]?(0|[1-9][0-9]*)")
    private val decimal = Regex("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")

    /** The applied configuration, or null when [text] is neither a JSON nor a YAML object. */
    fun parse(text: String): JsonObject? {
        runCatching { Json.parseToJsonElement(text) }.getOrNull()?.let { return it as? JsonObject }
        val node = runCatching { Yaml.default.parseToYamlNode(text) }.getOrNull() ?: return null
        return toJson(node) as? JsonObject
    }

    private fun toJson(node: YamlNode): JsonElement = when (node) {
        is YamlNull -> JsonNull
        is YamlTaggedNode -> toJson(node.innerNode)
        is YamlList -> JsonArray(node.items.map(::toJson))
        is YamlMap -> JsonObject(node.entries.entries.associate { (k, v) -> k.content to toJson(v) })
        is YamlScalar -> scalar(node.content)
    }

    private fun scalar(text: String): JsonElement = when {
        text == "true" || text == "false" -> JsonPrimitive(text.toBooleanStrict())
        text == "null" || text == "~" -> JsonNull
        integer.matches(text) -> text.toLongOrNull()?.let(::JsonPrimitive) ?: JsonPrimitive(text.toBigDecimal())
        decimal.matches(text) -> JsonPrimitive(text.toBigDecimal())
        else -> JsonPrimitive(text)
    }
}
