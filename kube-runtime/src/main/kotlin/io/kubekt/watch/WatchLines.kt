package io.kubekt.watch

import io.kubekt.api.meta.v1.Status
import io.kubekt.client.ResponseDecoder
import io.kubekt.error.ApiException
import io.kubekt.error.DecodeException
import io.kubekt.request.KubeJson
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Decodes one line of a watch stream (`{"type":"ADDED","object":{...}}`) into a [WatchEvent],
 * the object by [decodeObject] (a model type's decoder, or unstructured); an `ERROR` line becomes
 * the [ApiException] of the Status it carries. Typed, dynamic and metadata-only watches share it.
 */
internal class WatchLines<T>(
    private val method: String,
    private val path: String,
    private val server: String,
    private val decodeObject: (JsonObject) -> T,
) {
    fun decode(line: String): WatchEvent<T> {
        val event = try {
            KubeJson.parseToJsonElement(line) as? JsonObject
        } catch (e: SerializationException) {
            null
        } ?: throw malformed("a line that is not a JSON object (${line.length} characters)")
        val kind = (event["type"] as? JsonPrimitive)?.content
        val obj = event["object"] as? JsonObject ?: throw malformed("a $kind event without an object")
        return when (kind) {
            "ADDED" -> WatchEvent.Added(decode(obj), resourceVersion(obj))
            "MODIFIED" -> WatchEvent.Modified(decode(obj), resourceVersion(obj))
            "DELETED" -> WatchEvent.Deleted(decode(obj), resourceVersion(obj))
            "BOOKMARK" -> bookmark(obj) ?: throw malformed("a BOOKMARK without a resourceVersion")
            "ERROR" -> throw ApiException(decodeStatus(obj), method, path, server)
            else -> throw malformed("an event of unknown type $kind")
        }
    }

    private fun decode(obj: JsonObject): T = try {
        decodeObject(obj)
    } catch (e: IllegalArgumentException) { // SerializationException is one
        throw malformed("an object that does not decode: ${reason(e)}")
    }

    private fun decodeStatus(obj: JsonObject): Status = try {
        Status.TYPE.decode(obj)
    } catch (e: IllegalArgumentException) {
        throw malformed("an ERROR event whose Status does not decode: ${reason(e)}")
    }

    private fun bookmark(obj: JsonObject): WatchEvent.Bookmark? {
        val meta = obj["metadata"] as? JsonObject ?: return null
        val rv = (meta["resourceVersion"] as? JsonPrimitive)?.content ?: return null
        val end = ((meta["annotations"] as? JsonObject)?.get(INITIAL_EVENTS_END) as? JsonPrimitive)?.content == "true"
        return WatchEvent.Bookmark(rv, end)
    }

    private fun resourceVersion(obj: JsonObject): String? =
        ((obj["metadata"] as? JsonObject)?.get("resourceVersion") as? JsonPrimitive)?.content

    private fun malformed(what: String) = DecodeException("the watch $method $path on $server sent $what")

    private fun reason(e: Exception): String = ResponseDecoder.reason(e)

    private companion object {
        const val INITIAL_EVENTS_END = "k8s.io/initial-events-end"
    }
}
