package io.kubekt.transport

import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import kotlinx.serialization.SerializationException

/**
 * Turns a non-2xx answer into an [ApiException]: the server's `Status` when the body is one,
 * else a Status synthesized from the code (reason as the API server would name it) and a short,
 * sanitized excerpt of the body (an HTML page from a proxy, plain text, or nothing).
 */
internal object ApiErrors {
    private const val EXCERPT_LIMIT = 200

    fun exception(
        request: KubeRequest,
        server: String,
        code: Int,
        body: ByteArray,
        retryAfterSeconds: Int?,
        secrets: List<String> = emptyList(),
    ): ApiException = ApiException(status(code, body, retryAfterSeconds, secrets), request.method, request.path, server)

    fun status(code: Int, body: ByteArray, retryAfterSeconds: Int?, secrets: List<String> = emptyList()): Status {
        decode(body)?.let { s ->
            return s.edit {
                if (s.code == null) this.code = code
                if (s.status == null) status = "Failure"
                s.message?.let { message = redact(it, secrets) }
                if (retryAfterSeconds != null && s.details?.retryAfterSeconds == null) {
                    details { this.retryAfterSeconds = retryAfterSeconds }
                }
            }
        }
        val excerpt = redact(excerpt(body.toString(Charsets.UTF_8)), secrets)
        val message = "the server answered HTTP $code" + if (excerpt.isEmpty()) " with an empty body" else ": $excerpt"
        return Status {
            apiVersion = "v1"
            kind = "Status"
            status = "Failure"
            this.code = code
            reason = reasonFor(code)
            this.message = message
            if (retryAfterSeconds != null) details { this.retryAfterSeconds = retryAfterSeconds }
        }
    }

    private fun decode(body: ByteArray): Status? {
        val start = body.indexOfFirst { !it.toInt().toChar().isWhitespace() }
        if (start < 0 || body[start] != '{'.code.toByte()) return null
        val status = try {
            Status.TYPE.decode(body)
        } catch (_: SerializationException) {
            return null
        } catch (_: IllegalArgumentException) {
            return null
        } catch (_: ClassCastException) {
            return null
        }
        return status.takeIf { it.kind == "Status" || it.reason != null || it.message != null }
    }

    /** Visible text only: tags, scripts and styles removed, whitespace collapsed, cut to a short length. */
    fun excerpt(text: String): String {
        val visible = text
            .replace(Regex("(?is)<(script|style)[^>]*>.*?</\\1>"), " ")
            .replace(Regex("(?s)<[^>]*>"), " ")
            .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            .map { if (it.isISOControl()) ' ' else it }.joinToString("")
            .replace(Regex("\\s+"), " ").trim()
        return if (visible.length <= EXCERPT_LIMIT) visible else visible.take(EXCERPT_LIMIT).trimEnd() + "..."
    }

    private fun redact(text: String, secrets: List<String>): String =
        secrets.filter { it.length >= 4 }.fold(text) { acc, s -> acc.replace(s, "<redacted>") }

    /** The reason the API server itself uses for [code] (client-go's NewGenericServerResponse). */
    fun reasonFor(code: Int): String = when (code) {
        400 -> "BadRequest"
        401 -> "Unauthorized"
        403 -> "Forbidden"
        404 -> "NotFound"
        405 -> "MethodNotAllowed"
        406 -> "NotAcceptable"
        409 -> "Conflict"
        410 -> "Gone"
        413 -> "RequestEntityTooLarge"
        415 -> "UnsupportedMediaType"
        422 -> "Invalid"
        429 -> "TooManyRequests"
        500 -> "InternalError"
        503 -> "ServiceUnavailable"
        504 -> "Timeout"
        else -> "Unknown"
    }
}
