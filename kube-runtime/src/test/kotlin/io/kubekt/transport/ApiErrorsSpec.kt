package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb

class ApiErrorsSpec : FunSpec({
    val request = KubeRequest(Verb.GET, "/api/v1/namespaces/a/pods/x", query = listOf("labelSelector" to "app=web"))

    test("decodes the server's Status, unknown fields and all") {
        val body = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" not found",
            "reason":"NotFound","details":{"name":"x","kind":"pods","extra":1},"code":404}"""
        val e = ApiErrors.exception(request, "https://h:6443", 404, body.toByteArray(), null)
        e.isNotFound shouldBe true
        e.status.details?.name shouldBe "x"
        e.message shouldBe "GET /api/v1/namespaces/a/pods/x on https://h:6443 failed: 404 NotFound: pods \"x\" not found"
    }
    test("synthesizes a Status from an HTML proxy page with a readable excerpt") {
        val html = "<html><head><style>body{color:red}</style><title>502</title></head><body><h1>Bad Gateway</h1>" +
            "<p>The upstream &amp; friends are down.</p><script>var x=1;</script></body></html>"
        val e = ApiErrors.exception(request, "https://h", 502, html.toByteArray(), retryAfterSeconds = 7)
        e.code shouldBe 502
        e.isServerError shouldBe true
        e.retryAfterSeconds shouldBe 7
        e.message shouldContain "Bad Gateway The upstream & friends are down."
        e.message shouldNotContain "<h1>"
        e.message shouldNotContain "color:red"
        e.message shouldNotContain "var x"
    }
    test("an empty body still says what happened, with the reason the API server would use") {
        val e = ApiErrors.exception(request, "https://h", 429, ByteArray(0), null)
        e.isTooManyRequests shouldBe true
        e.reason shouldBe "TooManyRequests"
        e.message shouldContain "HTTP 429 with an empty body"
    }
    test("long bodies are cut short and control characters dropped") {
        val e = ApiErrors.exception(request, "https://h", 500, ("x".repeat(5000) + "\u0000\u001b").toByteArray(), null)
        (e.message!!.length < 400) shouldBe true
        e.message shouldContain "..."
    }
    test("a body echoing the bearer token is redacted") {
        val e = ApiErrors.exception(request, "https://h", 400, "bad token sekret-token-123".toByteArray(), null,
            secrets = listOf("Bearer sekret-token-123", "sekret-token-123"))
        e.message shouldNotContain "sekret-token-123"
    }
    test("a JSON body that is not a Status is treated as text") {
        val e = ApiErrors.exception(request, "https://h", 500, """{"error":"boom"}""".toByteArray(), null)
        e.reason shouldBe "InternalError"
        e.message shouldContain "boom"
    }
})
