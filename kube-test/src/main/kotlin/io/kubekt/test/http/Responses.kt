package io.kubekt.test.http

import io.kubekt.test.api.ApiError
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.content.OutgoingContent
import io.ktor.server.application.ApplicationCall
import io.ktor.server.response.header
import io.ktor.server.response.respond
import io.ktor.server.response.respondBytes
import io.ktor.utils.io.ByteWriteChannel
import io.ktor.utils.io.writeFully
import kotlinx.serialization.builtins.serializer
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/** Writes JSON answers the way the API server does: `content-type: application/json`, compact JSON. */
internal object Responses {
    suspend fun json(
        call: ApplicationCall,
        code: Int,
        body: JsonObject,
        headers: Map<String, String> = emptyMap(),
        contentType: ContentType = ContentType.Application.Json,
    ) {
        headers.forEach { (k, v) -> call.response.header(k, v) }
        val items = body["items"] as? JsonArray
        if (items != null && items.size >= CHUNKED_ITEMS) {
            call.respond(JsonParts(parts(body), contentType, HttpStatusCode.fromValue(code)))
        } else {
            call.respondBytes(compact(body), contentType, HttpStatusCode.fromValue(code))
        }
    }

    /**
     * Lists of at least this many items are encoded item by item ([parts]): the same bytes and
     * Content-Length, but no array the size of the whole list. Such arrays (a page of 500 pods is
     * about 9 MB, built through a char buffer twice that) are humongous objects to G1, allocated
     * straight in the old generation; a few lists of them started concurrent marking cycles of
     * the whole store, seconds of CPU each (docs/benchmarks.md, run 8).
     */
    const val CHUNKED_ITEMS: Int = 64

    /** [body]'s compact JSON in pieces: one per element of its `items`, one for the rest between them. */
    fun parts(body: JsonObject): List<ByteArray> {
        val parts = ArrayList<ByteArray>()
        val text = StringBuilder("{")
        var first = true
        for ((key, value) in body) {
            if (!first) text.append(',')
            first = false
            text.append(Json.encodeToString(String.serializer(), key)).append(':')
            if (key == "items" && value is JsonArray) {
                text.append('[')
                value.forEachIndexed { i, item ->
                    if (i > 0) text.append(',')
                    parts += text.toString().toByteArray()
                    text.setLength(0)
                    parts += compact(item)
                }
                text.append(']')
            } else {
                text.append(Json.encodeToString(JsonElement.serializer(), value))
            }
        }
        parts += text.append('}').toString().toByteArray()
        return parts
    }

    private class JsonParts(
        private val parts: List<ByteArray>,
        override val contentType: ContentType,
        override val status: HttpStatusCode,
    ) : OutgoingContent.WriteChannelContent() {
        override val contentLength: Long = parts.sumOf { it.size.toLong() }

        override suspend fun writeTo(channel: ByteWriteChannel) {
            for (part in parts) channel.writeFully(part)
        }
    }

    /**
     * [body] as compact JSON bytes. Why not `body.toString()`: JsonObject.toString builds every
     * nested object's text on its own and copies it into its parent's, so a list of 5,000 pods
     * was copied once per nesting level (seconds per list); the encoder writes each byte once.
     */
    fun compact(body: JsonElement): ByteArray = Json.encodeToString(JsonElement.serializer(), body).toByteArray()

    suspend fun error(call: ApplicationCall, error: ApiError) = json(call, error.code, error.status, error.headers)

    suspend fun text(call: ApplicationCall, code: Int, text: String) =
        call.respondBytes(text.toByteArray(), ContentType.Text.Plain, HttpStatusCode.fromValue(code))
}
