package io.kubekt.client

import io.kubekt.api.KubeModel
import io.kubekt.api.ModelType
import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.error.DecodeException
import io.kubekt.request.KubeJson
import io.kubekt.request.KubeRequest
import io.kubekt.watch.WatchEvent
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Decodes one line of a watch stream (`{"type":"ADDED","object":{...}}`) into a typed
 * [WatchEvent]; an `ERROR` line becomes the [ApiException] of the Status it carries.
 */
internal object WatchLines {
    private const val INITIAL_EVENTS_END = "k8s.io/initial-events-end"

    fun <T : KubeModel<T, *>> decode(line: String, type: ModelType<T>, request: KubeRequest, server: String): WatchEvent<T> {
        val event = try {
            KubeJson.parseToJsonElement(line) as? JsonObject
        } catch (e: SerializationException) {
            null
        } ?: throw malformed(request, server, "a line that is not a JSON object (${line.length} characters)")
        val kind = (event["type"] as? JsonPrimitive)?.content
        val obj = event["object"] as? JsonObject ?: throw malformed(request, server, "a $kind event without an object")
        return when (kind) {
            "ADDED" -> WatchEvent.Added(decodeObject(obj, type, request, server), resourceVersion(obj))
            "MODIFIED" -> WatchEvent.Modified(decodeObject(obj, type, request, server), resourceVersion(obj))
            "DELETED" -> WatchEvent.Deleted(decodeObject(obj, type, request, server), resourceVersion(obj))
            "BOOKMARK" -> bookmark(obj) ?: throw malformed(request, server, "a BOOKMARK without a resourceVersion")
            "ERROR" -> throw ApiException(decodeObject(obj, Status.TYPE, request, server), request.method, request.path, server)
            else -> throw malformed(request, server, "an event of unknown type $kind")
        }
    }

    private fun <T : KubeModel<T, *>> decodeObject(obj: JsonObject, type: ModelType<T>, request: KubeRequest, server: String): T = try {
        type.decode(obj)
    } catch (e: IllegalArgumentException) {
        throw malformed(request, server, "an object that does not decode as ${type.name}: ${ResponseDecoder.reason(e)}")
    }

    private fun bookmark(obj: JsonObject): WatchEvent.Bookmark? {
        val meta = obj["metadata"] as? JsonObject ?: return null
        val rv = (meta["resourceVersion"] as? JsonPrimitive)?.content ?: return null
        val end = ((meta["annotations"] as? JsonObject)?.get(INITIAL_EVENTS_END) as? JsonPrimitive)?.content == "true"
        return WatchEvent.Bookmark(rv, end)
    }

    private fun resourceVersion(obj: JsonObject): String? =
        ((obj["metadata"] as? JsonObject)?.get("resourceVersion") as? JsonPrimitive)?.content

    private fun malformed(request: KubeRequest, server: String, what: String) =
        DecodeException("the watch ${request.path} on $server sent $what")
}
