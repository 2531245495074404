package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.config.Impersonation
import io.kubekt.error.ApiException
import io.kubekt.error.ConfigException
import io.kubekt.error.TransportException
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb
import io.kubekt.testing.FakeClock
import io.kubekt.testing.reply
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.runBlocking
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds
import java.time.Duration as JavaDuration

/** Requests over real HTTPS on loopback through the default engine. */
class HttpTransportRequestSpec : FunSpec({
    val get = KubeRequest(Verb.GET, "/api/v1/namespaces/default/pods/web")
    val create = KubeRequest(Verb.CREATE, "/api/v1/namespaces/default/pods", body = """{"kind":"Pod"}""".toByteArray())

    test("sends the bearer token, User-Agent and Accept: application/json") {
        httpsServer().use { server ->
            transport(server.url, TestAuthenticator("t0ken")) { userAgent = "kubekt-test/1.0" }.use { t -> runBlocking { t.execute(get) } }
            val seen = server.requests.single()
            seen.header("Authorization") shouldBe "Bearer t0ken"
            seen.header("User-Agent") shouldBe "kubekt-test/1.0"
            seen.header("Accept") shouldBe "application/json"
            seen.pathAndQuery shouldBe "/api/v1/namespaces/default/pods/web"
        }
    }

    test("sends the body with its Content-Type, the query encoded, and a requested Accept") {
        httpsServer().use { server ->
            transport(server.url).use { t ->
                runBlocking {
                    t.execute(
                        KubeRequest(
                            Verb.PATCH, "/apis/apps/v1/namespaces/a/deployments/d", query = listOf("fieldManager" to "me you"),
                            headers = mapOf("Accept" to "application/yaml"), body = "{}".toByteArray(),
                            contentType = "application/merge-patch+json",
                        ),
                    )
                }
            }
            val seen = server.requests.single()
            seen.method shouldBe "PATCH"
            seen.pathAndQuery shouldBe "/apis/apps/v1/namespaces/a/deployments/d?fieldManager=me%20you"
            seen.header("Content-Type") shouldBe "application/merge-patch+json"
            seen.header("Accept") shouldBe "application/yaml"
            String(seen.body) shouldBe "{}"
        }
    }

    for (engine in ENGINES) {
        test("sends impersonation headers with $engine") {
            httpsServer().use { server ->
                val who = Impersonation("jane", uid = "u-1", groups = listOf("devs"), extra = mapOf("acme.com/project" to listOf("p1")))
                transport(server.url, engine = engine) { impersonation = who }.use { t -> runBlocking { t.execute(get) } }
                val seen = server.requests.single()
                seen.header("Impersonate-User") shouldBe "jane"
                seen.header("Impersonate-Uid") shouldBe "u-1"
                seen.headers("Impersonate-Group") shouldContainExactly listOf("devs")
                seen.headers("Impersonate-Extra-acme.com%2Fproject") shouldContainExactly listOf("p1")
            }
        }
    }

    test("impersonating several groups fails clearly rather than sending them comma-joined") {
        // Ktor joins repeated request headers into one line; the API server would read "devs,ops" as one group.
        val e = shouldThrow<ConfigException> {
            transport("https://127.0.0.1:1") { impersonation = Impersonation("jane", groups = listOf("devs", "ops")); source = "context \"dev\"" }
        }
        e.message shouldContain "context \"dev\""
        e.message shouldContain "more than one group"
    }

    test("a 401 asks the authenticator once, then sends again with the fresh token") {
        httpsServer().use { server ->
            server.handler = { req, ex -> if (req.header("Authorization") == "Bearer new") ex.reply(200, "{}") else ex.reply(401) }
            val auth = TestAuthenticator("old", refreshedToken = "new")
            transport(server.url, auth).use { t -> runBlocking { t.execute(get) }.code shouldBe 200 }
            server.requests.map { it.header("Authorization") } shouldBe listOf("Bearer old", "Bearer new")
            auth.rejected shouldBe listOf("Bearer old")
        }
    }

    test("a 401 that fresh credentials cannot fix fails as unauthorized after one extra try") {
        httpsServer().use { server ->
            server.handler = { _, ex -> ex.reply(401, """{"kind":"Status","status":"Failure","reason":"Unauthorized","code":401}""") }
            val auth = TestAuthenticator("old", refreshedToken = "still-bad")
            transport(server.url, auth).use { t ->
                shouldThrow<ApiException> { runBlocking { t.execute(get) } }.isUnauthorized shouldBe true
            }
            server.requestCount shouldBe 2
            auth.unauthorizedCalls.get() shouldBe 1
        }
    }

    test("429 with Retry-After is retried after the server's wait, then succeeds") {
        httpsServer().use { server ->
            server.handler = { _, ex ->
                if (server.requestCount < 3) ex.reply(429, "", mapOf("Retry-After" to "2")) else ex.reply(200, "{\"ok\":true}")
            }
            val clock = FakeClock(autoAdvance = true)
            transport(server.url) { this.clock = clock }.use { t -> String(runBlocking { t.execute(create) }.body) shouldBe "{\"ok\":true}" }
            server.requestCount shouldBe 3
            clock.delays shouldBe listOf(2.seconds, 2.seconds)
        }
    }

    test("retries stop at maxRetries and the last error is thrown") {
        httpsServer().use { server ->
            server.handler = { _, ex -> ex.reply(503, "<html><body>upstream down</body></html>", mapOf("Content-Type" to "text/html")) }
            transport(server.url) { retry = RetryConfig(maxRetries = 3) }.use { t ->
                val e = shouldThrow<ApiException> { runBlocking { t.execute(get) } }
                e.code shouldBe 503
                e.message shouldContain "upstream down"
            }
            server.requestCount shouldBe 4
        }
    }

    test("503 without Retry-After is retried for GET but not for POST") {
        httpsServer().use { server ->
            server.handler = { _, ex -> if (server.requestCount == 1) ex.reply(503) else ex.reply(200, "{}") }
            transport(server.url).use { t -> runBlocking { t.execute(get) }.code shouldBe 200 }
            server.requestCount shouldBe 2
        }
        httpsServer().use { server ->
            server.handler = { _, ex -> if (server.requestCount == 1) ex.reply(503) else ex.reply(200, "{}") }
            transport(server.url).use { t -> shouldThrow<ApiException> { runBlocking { t.execute(create) } }.code shouldBe 503 }
            server.requestCount shouldBe 1
        }
    }

    test("503 with Retry-After is retried for POST too") {
        httpsServer().use { server ->
            server.handler = { _, ex -> if (server.requestCount == 1) ex.reply(503, "", mapOf("Retry-After" to "1")) else ex.reply(201, "{}") }
            transport(server.url).use { t -> runBlocking { t.execute(create) }.code shouldBe 201 }
            server.requestCount shouldBe 2
        }
    }

    test("a connection reset after the request was sent is retried for GET but not for POST") {
        fun resetFirst(server: io.kubekt.testing.TestHttpsServer) {
            server.handler = { _, ex -> if (server.requestCount == 1) throw IllegalStateException("drop the connection") else ex.reply(200, "{}") }
        }
        httpsServer().use { server ->
            resetFirst(server)
            transport(server.url).use { t -> runBlocking { t.execute(get) }.code shouldBe 200 }
            server.requestCount shouldBe 2
        }
        httpsServer().use { server ->
            resetFirst(server)
            transport(server.url).use { t ->
                val e = shouldThrow<TransportException> { runBlocking { t.execute(create) } }
                e.message shouldContain "POST /api/v1/namespaces/default/pods on ${server.url}"
            }
            server.requestCount shouldBe 1
        }
    }

    test("a refused connection is retried even for POST, since nothing was sent") {
        val clock = FakeClock(autoAdvance = true)
        transport("https://127.0.0.1:${closedPort()}") { this.clock = clock; retry = RetryConfig(maxRetries = 2) }.use { t ->
            shouldThrow<TransportException> { runBlocking { t.execute(create) } }
        }
        clock.delays.size shouldBe 2
    }

    test("the rate limiter holds the configured QPS on the injected clock") {
        httpsServer().use { server ->
            val clock = FakeClock(autoAdvance = true)
            transport(server.url) { this.clock = clock; qps = 5.0; burst = 2 }.use { t ->
                runBlocking { repeat(12) { t.execute(get) } }
            }
            server.requestCount shouldBe 12
            clock.elapsed shouldBe 2.seconds // 2 at once, then 10 at 5 per second
        }
    }

    test("the request timeout fires on the injected clock, aborts the call and names the request") {
        val arrived = CountDownLatch(1)
        val release = CountDownLatch(1)
        httpsServer().use { server ->
            server.handler = { _, ex -> arrived.countDown(); release.await(10, TimeUnit.SECONDS); ex.reply(200, "{}") }
            val clock = FakeClock()
            transport(server.url) { this.clock = clock; requestTimeout = JavaDuration.ofSeconds(30) }.use { t ->
                runBlocking {
                    val call = async { runCatching { t.execute(get) } }
                    withContext(Dispatchers.IO) { arrived.await(10, TimeUnit.SECONDS) } shouldBe true
                    clock.awaitPendingDelays(1)
                    clock.advance(29.seconds)
                    call.isCompleted shouldBe false
                    clock.advance(1.seconds)
                    val e = call.await().exceptionOrNull() as TransportException
                    e.isTimeout shouldBe true
                    e.message shouldContain "GET /api/v1/namespaces/default/pods/web"
                    e.message shouldContain "30s"
                }
            }
            release.countDown()
            server.requestCount shouldBe 1
        }
    }

    test("a request's own timeout overrides the client's") {
        val release = CountDownLatch(1)
        httpsServer().use { server ->
            server.handler = { _, ex -> release.await(10, TimeUnit.SECONDS); ex.reply(200, "{}") }
            val clock = FakeClock()
            transport(server.url) { this.clock = clock; requestTimeout = JavaDuration.ofMinutes(5) }.use { t ->
                runBlocking {
                    val call = async { runCatching { t.execute(KubeRequest(Verb.GET, "/x", timeout = JavaDuration.ofSeconds(2))) } }
                    clock.awaitPendingDelays(1)
                    clock.advance(2.seconds)
                    (call.await().exceptionOrNull() as TransportException).message shouldContain "2s"
                }
            }
            release.countDown()
        }
    }

    test("cancelling the caller aborts the HTTP call") {
        val writing = CountDownLatch(1)
        val disconnected = CountDownLatch(1)
        httpsServer().use { server ->
            server.handler = { _, ex ->
                ex.sendResponseHeaders(200, 0)
                try {
                    repeat(1000) {
                        ex.responseBody.write("{\"chunk\":$it}\n".toByteArray()); ex.responseBody.flush()
                        writing.countDown()
                        Thread.sleep(10)
                    }
                } catch (e: java.io.IOException) {
                    disconnected.countDown()
                }
            }
            transport(server.url).use { t ->
                runBlocking {
                    val call = launch { t.execute(get) }
                    withContext(Dispatchers.IO) { writing.await(10, TimeUnit.SECONDS) } shouldBe true
                    call.cancel()
                    call.join()
                    withContext(Dispatchers.IO) { disconnected.await(5, TimeUnit.SECONDS) } shouldBe true
                }
            }
        }
    }

    test("each Warning reaches the handler, once per response") {
        httpsServer().use { server ->
            server.handler = { _, ex ->
                ex.responseHeaders.add("Warning", "299 - \"v1beta1 is deprecated\"")
                ex.responseHeaders.add("Warning", "299 - \"unknown field \\\"spec.foo\\\"\"")
                ex.reply(200, "{}")
            }
            val warnings = Collections.synchronizedList(mutableListOf<String>())
            transport(server.url) { warningHandler = WarningHandler { warnings += it } }.use { t -> runBlocking { t.execute(get) } }
            warnings shouldBe listOf("v1beta1 is deprecated", "unknown field \"spec.foo\"")
        }
    }

    test("a non-Status error body still gives a useful ApiException") {
        httpsServer().use { server ->
            server.handler = { _, ex -> ex.reply(404, "<html><h1>404 page not found</h1></html>", mapOf("Content-Type" to "text/html")) }
            transport(server.url).use { t ->
                val e = shouldThrow<ApiException> { runBlocking { t.execute(get) } }
                e.isNotFound shouldBe true
                e.message shouldStartWith "GET /api/v1/namespaces/default/pods/web on ${server.url} failed: 404 NotFound"
                e.message shouldContain "404 page not found"
            }
        }
    }
})
