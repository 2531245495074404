package io.kubekt.test.http

import io.kubekt.test.api.ApiError
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.response.header
import io.ktor.server.response.respondBytes
import kotlinx.serialization.json.Json
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
        call.respondBytes(compact(body), contentType, HttpStatusCode.fromValue(code))
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
