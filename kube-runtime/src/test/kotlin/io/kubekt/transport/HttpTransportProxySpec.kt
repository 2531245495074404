package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.config.TlsConfig
import io.kubekt.error.TransportException
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb
import io.kubekt.testing.ConnectProxy
import kotlinx.coroutines.runBlocking

/** Proxies over real HTTPS on loopback: the request tunnels through a CONNECT proxy. */
class HttpTransportProxySpec : FunSpec({
    val get = KubeRequest(Verb.GET, "/version")

    for (engine in ENGINES) {
        test("proxy-url sends the request through the proxy, with $engine") {
            httpsServer().use { server ->
                ConnectProxy().use { proxy ->
                    transport(server.url, engine = engine) { proxyUrl = proxy.url }.use { t -> runBlocking { t.execute(get) }.code shouldBe 200 }
                    proxy.targets shouldBe listOf("127.0.0.1:${server.port}")
                }
            }
        }
    }

    test("HTTPS_PROXY from the environment is used, and NO_PROXY is honoured") {
        httpsServer().use { server ->
            // The client never resolves the host itself when it uses a proxy; this proxy maps every name to loopback.
            ConnectProxy(resolve = { "127.0.0.1" }).use { proxy ->
                val url = "https://kube.example.invalid:${server.port}"
                val tls = TlsConfig(certificateAuthority = caPem(), serverName = "localhost")
                transport(url, environment = mapOf("HTTPS_PROXY" to proxy.url)) { this.tls = tls }.use { t ->
                    runBlocking { t.execute(get) }.code shouldBe 200
                }
                proxy.targets shouldBe listOf("kube.example.invalid:${server.port}")
                transport(url, environment = mapOf("HTTPS_PROXY" to proxy.url, "NO_PROXY" to ".invalid")) {
                    this.tls = tls; retry = RetryConfig.NONE
                }.use { t ->
                    shouldThrow<TransportException> { runBlocking { t.execute(get) } }.message shouldContain "unknown host"
                }
                proxy.targets.size shouldBe 1
            }
        }
    }
})
