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
 * The body of an apply patch: YAML, of which JSON is a subset. JSON is read as JSON. YAML
 * scalars become strings where the schema declares a string; elsewhere one that reads as a
 * boolean, number or null becomes that JSON type (the YAML parser does not say whether a scalar
 * was quoted, so a quoted `"1"` in a free-form field of a custom resource becomes a number).
 */
internal object ApplyBody {
    private val integer = Regex("[-+]?(0|[1-9][0-9]*)")
    private val decimal = Regex("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")

    /** The applied configuration, or null when [text] is neither a JSON nor a YAML object. */
    fun parse(text: String, schema: SchemaNode): JsonObject? {
        runCatching { Json.parseToJsonElement(text) }.getOrNull()?.let { return it as? JsonObject }
        val node = runCatching { Yaml.default.parseToYamlNode(text) }.getOrNull() ?: return null
        return toJson(node, schema) as? JsonObject
    }

    private fun toJson(node: YamlNode, schema: SchemaNode): JsonElement = when (node) {
        is YamlNull -> JsonNull
        is YamlTaggedNode -> toJson(node.innerNode, schema)
        is YamlList -> JsonArray(node.items.map { toJson(it, schema.item()) })
        is YamlMap -> JsonObject(node.entries.entries.associate { (k, v) -> k.content to toJson(v, schema.child(k.content)) })
        is YamlScalar -> if (schema.isString) JsonPrimitive(node.content) else scalar(node.content)
    }

    private fun scalar(text: String): JsonElement = when {
        text == "true" || text == "false" -> JsonPrimitive(text.toBooleanStrict())
        text == "null" || text == "~" -> JsonNull
        integer.matches(text) -> text.toLongOrNull()?.let(::JsonPrimitive) ?: JsonPrimitive(text.toBigDecimal())
        decimal.matches(text) -> JsonPrimitive(text.toBigDecimal())
        else -> JsonPrimitive(text)
    }
}
