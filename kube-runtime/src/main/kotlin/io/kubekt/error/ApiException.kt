package io.kubekt.error

import io.kubekt.api.meta.v1.Status

/**
 * The API server answered with an error. [status] is the server's `Status` (synthesized from the
 * HTTP code when the body was not a Status); [method] and [path] say which request failed.
 */
public class ApiException(
    public val status: Status,
    /** The HTTP method of the failed request. */
    public val method: String,
    /** The request path (no query string: selectors may be long, and tokens never travel there). */
    public val path: String,
    /** The server base URL. */
    public val server: String,
    cause: Throwable? = null,
) : KubeException(describe(status, method, path, server), cause) {

    /** The HTTP status code. */
    public val code: Int get() = status.code ?: 0

    /** The machine-readable reason (`NotFound`, `Conflict`, ...), or null. */
    public val reason: String? get() = status.reason

    /** The server's `Retry-After` hint in seconds, from the Status details, or null. */
    public val retryAfterSeconds: Int? get() = status.details?.retryAfterSeconds

    /** 404, or reason `NotFound`. */
    public val isNotFound: Boolean get() = reason == "NotFound" || (reason.isNullOrEmpty() && code == 404)

    /** 409 with reason `AlreadyExists`: create of an object that exists. */
    public val isAlreadyExists: Boolean get() = reason == "AlreadyExists"

    /** 409 with reason `Conflict` (or no other reason): a stale resourceVersion or an apply conflict. */
    public val isConflict: Boolean get() = reason == "Conflict" || (code == 409 && reason.isNullOrEmpty())

    /** 410: the requested resourceVersion or continue token is too old (reason `Gone` or `Expired`). */
    public val isGone: Boolean get() = code == 410 || reason == "Gone" || reason == "Expired"

    /** Reason `Expired` (or a 410 without a reason): an expired continue token or resourceVersion (also [isGone]). */
    public val isExpired: Boolean get() = reason == "Expired" || (reason.isNullOrEmpty() && code == 410)

    /** 403, reason `Forbidden`. */
    public val isForbidden: Boolean get() = reason == "Forbidden" || (reason.isNullOrEmpty() && code == 403)

    /** 401, reason `Unauthorized`. */
    public val isUnauthorized: Boolean get() = reason == "Unauthorized" || (reason.isNullOrEmpty() && code == 401)

    /** 429, reason `TooManyRequests`. */
    public val isTooManyRequests: Boolean get() = reason == "TooManyRequests" || code == 429

    /** 422, reason `Invalid`: see [Status.details] causes for the fields. */
    public val isInvalid: Boolean get() = reason == "Invalid" || (reason.isNullOrEmpty() && code == 422)

    /** 400, reason `BadRequest`. */
    public val isBadRequest: Boolean get() = reason == "BadRequest" || (reason.isNullOrEmpty() && code == 400)

    /** 405, reason `MethodNotAllowed`. */
    public val isMethodNotAllowed: Boolean get() = reason == "MethodNotAllowed" || (reason.isNullOrEmpty() && code == 405)

    /** 415: unsupported media type, e.g. a patch type the resource does not take. */
    public val isUnsupportedMediaType: Boolean get() = reason == "UnsupportedMediaType" || code == 415

    /**
     * The server timed out: reason `Timeout` (504 or a "Too large resource version" 504) or
     * `ServerTimeout` (500), or HTTP 504.
     */
    public val isTimeout: Boolean get() = reason == "Timeout" || reason == "ServerTimeout" || code == 504

    /** Reason `Timeout` with the "Too large resource version" cause: the server has not caught up yet. */
    public val isResourceVersionTooLarge: Boolean
        get() = reason == "Timeout" && status.details?.causes.orEmpty().any { it.reason == "ResourceVersionTooLarge" }

    /** 5xx, or reason `InternalError` / `ServiceUnavailable`. */
    public val isServerError: Boolean
        get() = code >= 500 || reason == "InternalError" || reason == "ServiceUnavailable"

    private companion object {
        fun describe(status: Status, method: String, path: String, server: String): String {
            val what = listOfNotNull(status.code?.toString(), status.reason?.takeIf { it.isNotEmpty() }).joinToString(" ")
            val message = status.message?.takeIf { it.isNotBlank() } ?: "no message"
            return "$method $path on $server failed: $what: $message"
        }
    }
}
