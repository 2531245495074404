package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.config.TlsConfig
import io.kubekt.error.KubeException
import io.kubekt.error.TlsException
import io.kubekt.error.TransportException
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb
import io.kubekt.testing.TestCertificates
import io.kubekt.testing.reply
import kotlinx.coroutines.runBlocking

/** TLS over real HTTPS on loopback, for every engine. */
class HttpTransportTlsSpec : FunSpec({
    val get = KubeRequest(Verb.GET, "/version")

    for (engine in ENGINES) {
        context("with $engine") {
            test("trusts a server signed by the configured CA") {
                httpsServer().use { server ->
                    server.handler = { _, exchange -> exchange.reply(200, """{"gitVersion":"v1.31.0"}""") }
                    transport(server.url, engine = engine).use { t ->
                        String(runBlocking { t.execute(get) }.body) shouldBe """{"gitVersion":"v1.31.0"}"""
                    }
                }
            }

            test("refuses a server signed by another CA, saying the CA is not trusted and where it came from") {
                httpsServer(TestCertificates.server(Certs.otherCa), ca = Certs.otherCa).use { server ->
                    transport(server.url, engine = engine).use { t ->
                        val e = shouldThrow<TlsException> { runBlocking { t.execute(get) } }
                        e.message shouldContain "not trusted by the certificate authority from inline data (test config)"
                        e.message shouldContain server.url
                    }
                }
            }

            test("without a configured CA uses the JVM default trust store, which does not know the test CA") {
                httpsServer().use { server ->
                    transport(server.url, engine = engine) { tls = TlsConfig.DEFAULT }.use { t ->
                        val e = shouldThrow<TlsException> { runBlocking { t.execute(get) } }
                        e.message shouldContain "JVM default trust store"
                    }
                }
            }

            test("refuses a certificate that does not name the host") {
                httpsServer(Certs.kubernetesOnly).use { server ->
                    transport(server.url, engine = engine).use { t ->
                        shouldThrow<TlsException> { runBlocking { t.execute(get) } }.message shouldContain "does not name"
                    }
                }
            }

            test("tls-server-name verifies the certificate against that name and sends it as SNI") {
                httpsServer(Certs.kubernetesOnly).use { server ->
                    transport(server.url, engine = engine) {
                        tls = TlsConfig(certificateAuthority = caPem(), serverName = "kubernetes")
                    }.use { t ->
                        runBlocking { t.execute(get) }.code shouldBe 200
                        server.serverNames shouldContain "kubernetes"
                    }
                }
            }

            test("with a DNS host in the URL, tls-server-name is still what the certificate is checked against") {
                httpsServer(Certs.kubernetesOnly).use { server ->
                    transport("https://localhost:${server.port}", engine = engine) {
                        tls = TlsConfig(certificateAuthority = caPem(), serverName = "kubernetes")
                    }.use { t ->
                        runBlocking { t.execute(get) }.code shouldBe 200
                        // The JDK client always sends the URL's DNS host as SNI (docs/decisions/http-engine.md).
                        server.serverNames.single() shouldBe if (engine == JavaEngineFactory) "localhost" else "kubernetes"
                    }
                }
            }

            test("tls-server-name that the certificate does not carry is refused") {
                httpsServer().use { server ->
                    transport(server.url, engine = engine) {
                        tls = TlsConfig(certificateAuthority = caPem(), serverName = "kubernetes")
                    }.use { t ->
                        shouldThrow<TlsException> { runBlocking { t.execute(get) } }.message shouldContain "does not name \"kubernetes\""
                    }
                }
            }

            test("insecure-skip-tls-verify accepts a server from an unknown CA only when set") {
                httpsServer(TestCertificates.server(Certs.otherCa), ca = Certs.otherCa).use { server ->
                    transport(server.url, engine = engine) { tls = TlsConfig(insecureSkipTlsVerify = true) }.use { t ->
                        runBlocking { t.execute(get) }.code shouldBe 200
                    }
                    transport(server.url, engine = engine) { tls = TlsConfig() }.use { t ->
                        shouldThrow<TlsException> { runBlocking { t.execute(get) } }
                    }
                }
            }

            test("insecure-skip-tls-verify also accepts a certificate for another name").config(enabled = engine != CioEngineFactory) {
                // CIO checks the name itself and cannot be told not to: see docs/decisions/http-engine.md.
                httpsServer(TestCertificates.server(Certs.otherCa, "elsewhere"), ca = Certs.otherCa).use { server ->
                    transport(server.url, engine = engine) { tls = TlsConfig(insecureSkipTlsVerify = true) }.use { t ->
                        runBlocking { t.execute(get) }.code shouldBe 200
                    }
                }
            }

            test("presents an RSA client certificate from the authenticator's key manager").config(enabled = engine != CioEngineFactory) {
                httpsServer(clientCa = Certs.ca).use { server ->
                    transport(server.url, TestAuthenticator(client = Certs.clientRsa), engine = engine).use { t ->
                        runBlocking { t.execute(get) }.code shouldBe 200
                    }
                }
            }

            test("presents an EC client certificate from the authenticator's key manager").config(enabled = engine != CioEngineFactory) {
                httpsServer(clientCa = Certs.ca).use { server ->
                    transport(server.url, TestAuthenticator(client = Certs.client), engine = engine).use { t ->
                        runBlocking { t.execute(get) }.code shouldBe 200
                    }
                }
            }

            test("the CIO engine refuses a client certificate up front, naming the alternatives").config(enabled = engine == CioEngineFactory) {
                val e = shouldThrow<TlsException> { transport("https://127.0.0.1:1", TestAuthenticator(client = Certs.client), engine = engine) }
                e.message shouldContain "JavaEngineFactory"
            }

            test("without a client certificate a server that requires one fails the request with a TLS error") {
                httpsServer(clientCa = Certs.ca).use { server ->
                    transport(server.url, engine = engine) { retry = RetryConfig.NONE }.use { t ->
                        val e = shouldThrow<KubeException> { runBlocking { t.execute(get) } }
                        (e is TlsException || e is TransportException) shouldBe true
                        e.message shouldContain server.url
                    }
                }
            }

            test("an unreachable server fails with a TransportException naming the URL") {
                val url = "https://127.0.0.1:${closedPort()}"
                transport(url, engine = engine).use { t ->
                    val e = shouldThrow<TransportException> { runBlocking { t.execute(get) } }
                    e.message shouldContain url
                    e.message shouldContain "GET /version"
                }
            }
        }
    }
})
