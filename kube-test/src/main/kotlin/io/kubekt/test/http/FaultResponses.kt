package io.kubekt.test.http

import io.kubekt.test.api.ApiError
import io.kubekt.test.api.Cause
import io.kubekt.test.api.Statuses
import io.kubekt.test.watch.FailureRule

/** The Status a real server sends for each injected failure status. */
internal object FaultResponses {
    fun of(rule: FailureRule): ApiError {
        val retry = rule.retryAfterSeconds
        val headers = if (retry != null) mapOf("Retry-After" to retry.toString()) else emptyMap()
        return when (rule.status) {
            429 -> Statuses.error(429, "TooManyRequests", "Too many requests, please try again later.",
                Statuses.details(retryAfterSeconds = retry ?: 1), headers + ("Retry-After" to (retry ?: 1).toString()))
            500 -> Statuses.error(500, "InternalError", "Internal error occurred: injected fault",
                Statuses.details(causes = listOf(Cause(null, "injected fault"))), headers)
            503 -> Statuses.error(503, "ServiceUnavailable", "the server is currently unable to handle the request",
                Statuses.details(retryAfterSeconds = retry), headers)
            504 -> Statuses.error(504, "Timeout",
                "the server was unable to return a response in the time allotted, but may still be processing the request",
                Statuses.details(retryAfterSeconds = retry), headers)
            else -> Statuses.error(rule.status, reason(rule.status), "injected fault", null, headers)
        }
    }

    private fun reason(code: Int) = when (code) {
        400 -> "BadRequest"
        401 -> "Unauthorized"
        403 -> "Forbidden"
        404 -> "NotFound"
        405 -> "MethodNotAllowed"
        409 -> "Conflict"
        410 -> "Expired"
        415 -> "UnsupportedMediaType"
        422 -> "Invalid"
        else -> "InternalError"
    }
}
