package io.kubekt.test.http

import io.kubekt.test.api.ApiError
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.response.header
import io.ktor.server.response.respondBytes
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
        call.respondBytes(body.toString().toByteArray(), contentType, HttpStatusCode.fromValue(code))
    }

    suspend fun error(call: ApplicationCall, error: ApiError) = json(call, error.code, error.status, error.headers)

    suspend fun text(call: ApplicationCall, code: Int, text: String) =
        call.respondBytes(text.toByteArray(), ContentType.Text.Plain, HttpStatusCode.fromValue(code))
}
