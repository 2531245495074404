package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.TlsConfig
import io.kubekt.error.KubeException
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb
import io.kubekt.testing.TestCertificates
import io.kubekt.testing.reply
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.runBlocking
import java.io.ByteArrayOutputStream
import java.io.PrintStream

/** No bearer token in any exception message, cause, toString or log line the transport produces. */
class TransportSecrecySpec : FunSpec({
    val token = "sekret-9f8e7d6c5b4a"
    val get = KubeRequest(Verb.GET, "/api/v1/pods")

    fun KubeException.everything(): String =
        generateSequence<Throwable>(this) { it.cause }.joinToString("\n") { "$it ${it.message} ${it.stackTraceToString()}" }

    test("errors and logs of failing requests never contain the token") {
        val captured = ByteArrayOutputStream()
        val original = System.err
        System.setErr(PrintStream(captured, true))
        val failures = mutableListOf<KubeException>()
        try {
            httpsServer().use { server ->
                server.handler = { req, ex ->
                    when (server.requestCount) {
                        1 -> ex.reply(503, "echo: ${req.header("Authorization")}", mapOf("Retry-After" to "1", "Content-Type" to "text/plain"))
                        2 -> ex.reply(401, "{\"kind\":\"Status\",\"message\":\"bad token ${req.header("Authorization")}\",\"code\":401}")
                        else -> throw IllegalStateException("drop")
                    }
                }
                transport(server.url, TestAuthenticator(token, refreshedToken = "$token-2")) { retry = RetryConfig(maxRetries = 1) }.use { t ->
                    failures += shouldThrow<KubeException> { runBlocking { t.execute(get) } }
                    failures += shouldThrow<KubeException> { runBlocking { t.execute(get) } }
                    failures += shouldThrow<KubeException> { runBlocking { t.streamLines(get).collect() } }
                }
            }
            httpsServer(TestCertificates.server(Certs.otherCa), ca = Certs.otherCa).use { server ->
                transport(server.url, TestAuthenticator(token)).use { t -> failures += shouldThrow<KubeException> { runBlocking { t.execute(get) } } }
            }
            transport("https://127.0.0.1:${closedPort()}", TestAuthenticator(token)) { tls = TlsConfig(insecureSkipTlsVerify = true) }.use { t ->
                failures += shouldThrow<KubeException> { runBlocking { t.execute(get) } }
            }
        } finally {
            System.setErr(original)
        }
        val logs = captured.toString()
        logs shouldContain "Retrying GET /api/v1/pods" // the debug lines were captured, so the check below means something
        logs shouldContain "insecure-skip-tls-verify"
        logs shouldNotContain token
        for (failure in failures) failure.everything() shouldNotContain token
    }
})
