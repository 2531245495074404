package io.kubekt.dynamic

import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.error.DecodeException
import io.kubekt.request.KubeJson
import io.kubekt.watch.WatchEvent
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/** Decodes the lines of a watch stream into events of [Unstructured] objects. */
internal class WatchLines(private val method: String, private val path: String, private val server: String) {
    /** The event of one line; throws [ApiException] for an `ERROR` event. */
    fun decode(line: String): WatchEvent<Unstructured>? {
        if (line.isBlank()) return null
        val frame = parse(line)
        val type = (frame["type"] as? JsonPrimitive)?.contentOrNull
        val obj = frame["object"] as? JsonObject ?: fail("the event has no object")
        val item = Unstructured.of(obj)
        return when (type) {
            "ADDED" -> WatchEvent.Added(item, item.resourceVersion)
            "MODIFIED" -> WatchEvent.Modified(item, item.resourceVersion)
            "DELETED" -> WatchEvent.Deleted(item, item.resourceVersion)
            "BOOKMARK" -> WatchEvent.Bookmark(
                item.resourceVersion ?: fail("a BOOKMARK without a resourceVersion"),
                item.annotations["k8s.io/initial-events-end"] == "true",
            )
            "ERROR" -> throw ApiException(Status.TYPE.decode(obj), method, path, server)
            else -> fail("unknown event type $type")
        }
    }

    private fun parse(line: String): JsonObject = try {
        KubeJson.parseToJsonElement(line) as? JsonObject ?: fail("an event line is not a JSON object")
    } catch (e: SerializationException) {
        fail("an event line is not JSON")
    }

    private fun fail(why: String): Nothing =
        throw DecodeException("cannot decode a watch event of $method $path on $server: $why")
}
