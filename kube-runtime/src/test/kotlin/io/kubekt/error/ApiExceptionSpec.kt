package io.kubekt.error

import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kubekt.api.meta.v1.Status
import io.kubekt.api.meta.v1.StatusDetails
import io.kubekt.testing.status
import io.kubekt.testing.statusCause
import io.kubekt.testing.statusDetails

private const val SERVER = "https://10.0.0.1:6443"

private fun recorded(name: String): Status {
    val text = ApiExceptionSpec::class.java.getResource("/io/kubekt/error/status/$name.json")!!.readText()
    return Status.TYPE.decode(text)
}

private fun error(status: Status) = ApiException(status, "GET", "/api/v1/namespaces/transcripts/configmaps", SERVER)

/** Every predicate by name, so each case can say which hold and the rest must not. */
private val predicates: Map<String, (ApiException) -> Boolean> = mapOf(
    "NotFound" to { it.isNotFound }, "AlreadyExists" to { it.isAlreadyExists }, "Conflict" to { it.isConflict },
    "Gone" to { it.isGone }, "Expired" to { it.isExpired }, "Forbidden" to { it.isForbidden },
    "Unauthorized" to { it.isUnauthorized }, "TooManyRequests" to { it.isTooManyRequests }, "Invalid" to { it.isInvalid },
    "BadRequest" to { it.isBadRequest }, "MethodNotAllowed" to { it.isMethodNotAllowed },
    "UnsupportedMediaType" to { it.isUnsupportedMediaType }, "Timeout" to { it.isTimeout },
    "ResourceVersionTooLarge" to { it.isResourceVersionTooLarge }, "ServerError" to { it.isServerError },
)

private data class Case(val name: String, val status: Status, val holds: Set<String>)

private fun failure(code: Int, reason: String?, message: String?, details: StatusDetails? = null) =
    status(kind = "Status", apiVersion = "v1", status = "Failure", code = code, reason = reason, message = message, details = details)

class ApiExceptionSpec : FunSpec({
    context("predicates on Status bodies recorded from a real API server") {
        withData(
            nameFn = { it.name },
            Case("404 not found", recorded("not-found"), setOf("NotFound")),
            Case("409 already exists", recorded("already-exists"), setOf("AlreadyExists")),
            Case("409 stale resourceVersion", recorded("conflict-stale-resourceversion"), setOf("Conflict")),
            Case("409 server-side apply conflict", recorded("apply-conflict"), setOf("Conflict")),
            Case("422 invalid name", recorded("invalid-name"), setOf("Invalid")),
            Case("400 unknown field selector", recorded("bad-request-field-selector"), setOf("BadRequest")),
            Case("410 list with an expired resourceVersion", recorded("list-expired"), setOf("Gone", "Expired")),
            Case("410 in a watch ERROR event", recorded("watch-expired"), setOf("Gone", "Expired")),
            Case(
                "504 resourceVersion too large", recorded("resourceversion-too-large"),
                setOf("Timeout", "ResourceVersionTooLarge", "ServerError"),
            ),
            Case("403 forbidden", recorded("forbidden"), setOf("Forbidden")),
            Case("403 namespace terminating", recorded("forbidden-namespace-terminating"), setOf("Forbidden")),
            Case("401 unauthorized", recorded("unauthorized"), setOf("Unauthorized")),
            Case("415 patch type not supported", recorded("unsupported-media-type"), setOf("UnsupportedMediaType")),
        ) { case -> holdsExactly(case) }
    }

    context("predicates on Status bodies in the API server's shapes for answers not recorded") {
        withData(
            nameFn = { it.name },
            Case(
                "429 from priority and fairness",
                failure(429, "TooManyRequests", "Too many requests, please try again later.", statusDetails(retryAfterSeconds = 1)),
                setOf("TooManyRequests"),
            ),
            Case("500 internal error", failure(500, "InternalError", "Internal error occurred: etcd"), setOf("ServerError")),
            Case("503 service unavailable", failure(503, "ServiceUnavailable", "unavailable"), setOf("ServerError")),
            Case("504 timeout", failure(504, "Timeout", "Timeout: request did not complete"), setOf("Timeout", "ServerError")),
            Case("500 server timeout", failure(500, "ServerTimeout", "try again"), setOf("Timeout", "ServerError")),
            Case("405 method not allowed", failure(405, "MethodNotAllowed", "not allowed"), setOf("MethodNotAllowed")),
            Case(
                "504 Timeout without the too-large cause",
                failure(504, "Timeout", "x", statusDetails(causes = listOf(statusCause(reason = "Other")))),
                setOf("Timeout", "ServerError"),
            ),
        ) { case -> holdsExactly(case) }
    }

    context("a non-Status answer (only the HTTP code is known) still answers by code") {
        withData(
            nameFn = { "HTTP ${it.status.code}" },
            Case("", status(code = 404), setOf("NotFound")),
            Case("", status(code = 409), setOf("Conflict")),
            Case("", status(code = 410), setOf("Gone", "Expired")),
            Case("", status(code = 403), setOf("Forbidden")),
            Case("", status(code = 401), setOf("Unauthorized")),
            Case("", status(code = 422), setOf("Invalid")),
            Case("", status(code = 400), setOf("BadRequest")),
            Case("", status(code = 405), setOf("MethodNotAllowed")),
            Case("", status(code = 415), setOf("UnsupportedMediaType")),
            Case("", status(code = 429), setOf("TooManyRequests")),
            Case("", status(code = 502), setOf("ServerError")),
            Case("", status(code = 504), setOf("Timeout", "ServerError")),
        ) { case -> holdsExactly(case) }
    }

    test("the reason wins over the code: a 409 AlreadyExists is not a Conflict") {
        error(recorded("already-exists")).isConflict shouldBe false
    }

    test("code, reason, retry-after and details come from the Status") {
        val e = error(recorded("resourceversion-too-large"))
        e.code shouldBe 504
        e.reason shouldBe "Timeout"
        e.retryAfterSeconds shouldBe 1
        error(recorded("invalid-name")).status.details!!.causes!!.single().field shouldBe "metadata.name"
    }

    context("messages") {
        test("say method, path, server, code, reason and the server's message") {
            ApiException(recorded("not-found"), "GET", "/api/v1/namespaces/transcripts/configmaps/missing", SERVER).message shouldBe
                "GET /api/v1/namespaces/transcripts/configmaps/missing on https://10.0.0.1:6443 failed: " +
                "404 NotFound: configmaps \"missing\" not found"
            ApiException(recorded("apply-conflict"), "PATCH", "/apis/apps/v1/namespaces/transcripts/deployments/web", SERVER)
                .message shouldBe "PATCH /apis/apps/v1/namespaces/transcripts/deployments/web on https://10.0.0.1:6443 failed: " +
                "409 Conflict: Apply failed with 1 conflict: conflict with \"curl\" using apps/v1: .spec.replicas"
        }
        test("a Status without reason or message still says what failed and where") {
            ApiException(status(code = 502), "DELETE", "/api/v1/nodes/n1", SERVER).message shouldBe
                "DELETE /api/v1/nodes/n1 on https://10.0.0.1:6443 failed: 502: no message"
        }
        test("the cause is kept") {
            val cause = RuntimeException("x")
            ApiException(status(code = 500), "GET", "/", SERVER, cause).cause shouldBe cause
        }
    }
})

private fun holdsExactly(case: Case) {
    val e = error(case.status)
    predicates.filterValues { it(e) }.keys shouldBe case.holds
}
