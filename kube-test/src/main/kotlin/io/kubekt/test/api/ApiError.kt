package io.kubekt.test.api

import kotlinx.serialization.json.JsonObject

/**
 * A request that ends in a `Status` body: thrown anywhere below the HTTP layer and rendered by it.
 * [headers] carries extra response headers such as `Retry-After`.
 */
internal class ApiError(
    val code: Int,
    val status: JsonObject,
    val headers: Map<String, String> = emptyMap(),
) : RuntimeException(status["message"]?.toString() ?: "HTTP $code", null, false, false)
