package io.kubekt.client

import io.kubekt.api.KubeModel
import io.kubekt.api.ModelSerializer
import io.kubekt.api.ModelType
import io.kubekt.error.DecodeException
import io.kubekt.request.KubeJson
import io.kubekt.request.KubeRequest
import io.kubekt.transport.KubeResponse
import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.serializer

/**
 * Decodes response bodies, turning failures into [DecodeException]s that name the target type,
 * the request and the server, and where decoding stopped (offset and JSON path) — but never quote
 * the body, which may hold Secret data. For the same reason the parser's exception, whose message
 * quotes the input, is not attached as the cause.
 */
internal object ResponseDecoder {
    fun <T> decode(deserializer: DeserializationStrategy<T>, response: KubeResponse, request: KubeRequest, server: String): T {
        if (deserializer is ModelSerializer<*>) {
            val type: ModelType<*> = deserializer.type
            @Suppress("UNCHECKED_CAST")
            return decoding(type.name, response, request, server) { type.decode(it) } as T
        }
        return decoding(deserializer.descriptor.serialName, response, request, server) {
            KubeJson.decodeFromString(deserializer, it.decodeToString())
        }
    }

    /**
     * Decodes a model straight from the body's bytes with the model's own reader (no JSON tree);
     * with [dropManagedFields], every `metadata.managedFields` is skipped unread.
     */
    fun <T : KubeModel<T, *>> decode(
        type: ModelType<T>,
        response: KubeResponse,
        request: KubeRequest,
        server: String,
        dropManagedFields: Boolean = false,
    ): T = decoding(type.name, response, request, server) { type.decode(it, dropManagedFields) }

    fun json(response: KubeResponse, request: KubeRequest, server: String): JsonElement =
        decoding("a JSON document", response, request, server) { requireStrict(KubeJson.parseToJsonElement(it.decodeToString())) }

    /** The serializer of a `@Serializable` class, for Java callers that pass a `Class`. */
    @Suppress("UNCHECKED_CAST")
    fun <T : Any> serializerFor(type: Class<T>): KSerializer<T> = try {
        KubeJson.serializersModule.serializer(type) as KSerializer<T>
    } catch (e: SerializationException) {
        throw IllegalArgumentException(
            "${type.name} has no kotlinx.serialization serializer: annotate it with @Serializable, " +
                "or pass a DeserializationStrategy instead of a Class",
            e,
        )
    }

    private inline fun <T> decoding(
        target: String,
        response: KubeResponse,
        request: KubeRequest,
        server: String,
        parse: (ByteArray) -> T,
    ): T = try {
        parse(response.body)
    } catch (e: IllegalArgumentException) { // SerializationException is one
        val contentType = response.headers["content-type"]?.firstOrNull() ?: "none"
        throw DecodeException(
            "cannot decode the response to ${request.method} ${request.path} on $server as $target: " +
                "${reason(e)} (${response.body.size} bytes, content-type $contentType)",
        )
    }

    /**
     * The tree parser accepts any unquoted token as a literal (so `<html>` would parse); refuse
     * those that are not JSON's `true`, `false`, `null` or a number.
     */
    private fun requireStrict(element: JsonElement): JsonElement {
        when (element) {
            is JsonObject -> element.values.forEach { requireStrict(it) }
            is JsonArray -> element.forEach { requireStrict(it) }
            is JsonPrimitive -> require(element.isString || element.content in LITERALS || NUMBER.matches(element.content)) {
                "not JSON: an unquoted token that is not true, false, null or a number"
            }
        }
        return element
    }

    private val LITERALS = setOf("true", "false", "null")
    private val NUMBER = Regex("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")

    /** The parser's diagnosis (offset, path, expected token) without the input excerpt it appends. */
    internal fun reason(e: Exception): String =
        e.message.orEmpty().substringBefore("JSON input:").lineSequence().first().trim().take(MAX_REASON)

    private const val MAX_REASON = 300
}
