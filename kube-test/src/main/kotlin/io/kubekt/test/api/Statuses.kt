package io.kubekt.test.api

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/**
 * `meta/v1 Status` bodies exactly as a kube-apiserver writes them: field order kind, apiVersion,
 * metadata, status, message, reason, details, code; details order name, group, kind, uid, causes,
 * retryAfterSeconds. Messages follow the recorded transcripts.
 */
internal object Statuses {
    fun status(
        code: Int?,
        reason: String?,
        message: String?,
        details: JsonObject? = null,
        success: Boolean = false,
        continueToken: String? = null,
    ): JsonObject = buildJsonObject {
        put("kind", "Status")
        put("apiVersion", "v1")
        put("metadata", buildJsonObject { if (continueToken != null) put("continue", continueToken) })
        put("status", if (success) "Success" else "Failure")
        if (!message.isNullOrEmpty()) put("message", message)
        if (!reason.isNullOrEmpty()) put("reason", reason)
        if (details != null) put("details", details)
        if (code != null) put("code", code)
    }

    fun details(
        name: String? = null,
        group: String? = null,
        kind: String? = null,
        uid: String? = null,
        causes: List<Cause>? = null,
        retryAfterSeconds: Int? = null,
    ): JsonObject = buildJsonObject {
        if (!name.isNullOrEmpty()) put("name", name)
        if (!group.isNullOrEmpty()) put("group", group)
        if (!kind.isNullOrEmpty()) put("kind", kind)
        if (!uid.isNullOrEmpty()) put("uid", uid)
        if (causes != null) put("causes", buildJsonArray {
            causes.forEach { c ->
                add(buildJsonObject {
                    c.reason?.let { put("reason", it) }
                    c.message?.let { put("message", it) }
                    c.field?.let { put("field", it) }
                })
            }
        })
        if (retryAfterSeconds != null) put("retryAfterSeconds", retryAfterSeconds)
    }

    fun error(code: Int, reason: String, message: String?, details: JsonObject? = null, headers: Map<String, String> = emptyMap()) =
        ApiError(code, status(code, reason, message, details), headers)

    fun notFound(resource: String, group: String, name: String) =
        error(404, "NotFound", "${qualified(resource, group)} \"$name\" not found", details(name, group, resource))

    fun alreadyExists(resource: String, group: String, name: String) =
        error(409, "AlreadyExists", "${qualified(resource, group)} \"$name\" already exists", details(name, group, resource))

    fun conflict(resource: String, group: String, name: String, why: String) =
        error(409, "Conflict", "Operation cannot be fulfilled on ${qualified(resource, group)} \"$name\": $why", details(name, group, resource))

    fun invalid(kind: String, group: String, name: String, causes: List<Cause>): ApiError {
        val qualifiedKind = if (group.isEmpty()) kind else "$kind.$group"
        val texts = causes.map { c -> listOfNotNull(c.field, c.message).joinToString(": ") }.distinct()
        val summary = if (texts.size == 1) texts.single() else texts.joinToString(", ", "[", "]")
        return error(422, "Invalid", "$qualifiedKind \"$name\" is invalid: $summary", details(name, group, kind, causes = causes))
    }

    fun badRequest(message: String) = error(400, "BadRequest", message)

    fun methodNotAllowed() = error(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", details())

    fun unknownPath() = error(404, "NotFound", "the server could not find the requested resource", details())

    fun unsupportedMediaType(accepted: List<String>) = error(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: ${accepted.joinToString(", ")}",
    )

    fun expired(message: String, continueToken: String? = null) =
        ApiError(410, status(410, "Expired", message, continueToken = continueToken))

    fun tooLargeResourceVersion(requested: Long, current: Long) = error(
        504,
        "Timeout",
        "Timeout: Too large resource version: $requested, current: $current",
        details(causes = listOf(Cause("ResourceVersionTooLarge", "Too large resource version")), retryAfterSeconds = 1),
        mapOf("Retry-After" to "1"),
    )

    fun unauthorized() = error(401, "Unauthorized", "Unauthorized")

    fun forbidden(resource: String, group: String, name: String, message: String, causes: List<Cause>? = null) =
        error(403, "Forbidden", message, details(name, group, resource, causes = causes))

    /** `configmaps` or `deployments.apps`, as messages name a resource. */
    fun qualified(resource: String, group: String) = if (group.isEmpty()) resource else "$resource.$group"
}
