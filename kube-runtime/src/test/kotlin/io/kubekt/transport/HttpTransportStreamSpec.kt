package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb
import io.kubekt.testing.FakeClock
import io.kubekt.testing.reply
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import java.io.IOException
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.time.Duration.Companion.hours
import java.time.Duration as JavaDuration

/** Streamed responses (the base of watches) over real HTTPS on loopback, for every engine. */
class HttpTransportStreamSpec : FunSpec({
    val watch = KubeRequest(Verb.WATCH, "/api/v1/namespaces/default/pods", query = listOf("watch" to "true"), streaming = true)

    for (engine in ENGINES) {
        context("with $engine") {
            test("delivers the first line before the server has finished") {
                val gotFirst = CountDownLatch(1)
                val releasedInTime = AtomicBoolean(false)
                httpsServer().use { server ->
                    server.handler = { _, ex ->
                        ex.sendResponseHeaders(200, 0)
                        ex.responseBody.write("{\"type\":\"ADDED\"}\n\n".toByteArray())
                        ex.responseBody.flush()
                        releasedInTime.set(gotFirst.await(10, TimeUnit.SECONDS))
                        ex.responseBody.write("{\"type\":\"DELETED\"}\n".toByteArray())
                        ex.responseBody.close()
                    }
                    transport(server.url, engine = engine).use { t ->
                        val lines = runBlocking { t.streamLines(watch).onEach { gotFirst.countDown() }.toList() }
                        lines shouldBe listOf("{\"type\":\"ADDED\"}", "{\"type\":\"DELETED\"}")
                    }
                    releasedInTime.get() shouldBe true
                }
            }

            test("stopping the collector closes the connection") {
                val disconnected = CountDownLatch(1)
                httpsServer().use { server ->
                    server.handler = { _, ex ->
                        ex.sendResponseHeaders(200, 0)
                        try {
                            repeat(1000) { i ->
                                ex.responseBody.write("{\"n\":$i}\n".toByteArray())
                                ex.responseBody.flush()
                                Thread.sleep(10)
                            }
                        } catch (e: IOException) {
                            disconnected.countDown()
                        }
                    }
                    transport(server.url, engine = engine).use { t ->
                        runBlocking { t.streamLines(watch).take(3).toList() }.size shouldBe 3
                        withTimeoutReal { disconnected.await(5, TimeUnit.SECONDS) } shouldBe true
                    }
                }
            }
        }
    }

    test("a non-2xx answer to a stream throws the server's Status") {
        httpsServer().use { server ->
            server.handler = { _, ex -> ex.reply(410, """{"kind":"Status","status":"Failure","reason":"Expired","code":410,"message":"too old"}""") }
            transport(server.url).use { t ->
                shouldThrow<ApiException> { runBlocking { t.streamLines(watch).collect() } }.isGone shouldBe true
            }
        }
    }

    test("a 401 on a stream asks the authenticator once and opens it again") {
        httpsServer().use { server ->
            server.handler = { req, ex -> if (req.header("Authorization") == "Bearer new") ex.reply(200, "a\nb\n") else ex.reply(401) }
            transport(server.url, TestAuthenticator("old", refreshedToken = "new")).use { t ->
                runBlocking { t.streamLines(watch).toList() } shouldBe listOf("a", "b")
            }
            server.requestCount shouldBe 2
        }
    }

    test("streams are exempt from the request timeout") {
        val clock = FakeClock()
        val gotFirst = CountDownLatch(1)
        httpsServer().use { server ->
            server.handler = { _, ex ->
                ex.sendResponseHeaders(200, 0)
                ex.responseBody.write("first\n".toByteArray()); ex.responseBody.flush()
                gotFirst.await(10, TimeUnit.SECONDS)
                ex.responseBody.write("second\n".toByteArray()); ex.responseBody.close()
            }
            transport(server.url) { this.clock = clock; requestTimeout = JavaDuration.ofSeconds(1) }.use { t ->
                val lines = runBlocking {
                    t.streamLines(watch).onEach {
                        clock.pendingDelays shouldBe 0
                        clock.advance(1.hours)
                        gotFirst.countDown()
                    }.toList()
                }
                lines shouldBe listOf("first", "second")
            }
        }
    }

    test("an exception thrown by the collector passes through unchanged") {
        httpsServer().use { server ->
            server.handler = { _, ex -> ex.reply(200, "a\nb\n") }
            transport(server.url).use { t ->
                shouldThrow<IOException> { runBlocking { t.streamLines(watch).collect { throw IOException("consumer failed") } } }
                    .message shouldBe "consumer failed"
            }
        }
    }
})

private suspend fun <T> withTimeoutReal(block: () -> T): T = withContext(Dispatchers.IO) { block() }
