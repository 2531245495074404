package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.test.support.TestClient
import io.netty.handler.ssl.OpenSsl
import io.netty.handler.ssl.SslProvider
import java.net.http.HttpClient

/**
 * kube-test serves TLS through BoringSSL where netty-tcnative ships natives (see
 * docs/decisions/kube-test-server.md): Ktor's Netty engine takes OpenSSL as its ALPN provider
 * exactly when [SslProvider.isAlpnSupported] says so.
 */
class TlsProviderSpec : FunSpec({
    val os = System.getProperty("os.name").lowercase()
    val arch = System.getProperty("os.arch").lowercase()
    val x64 = arch == "amd64" || arch == "x86_64"
    val arm64 = arch == "aarch64" || arch == "arm64"
    val shipped = (os.startsWith("linux") || os.startsWith("mac")) && (x64 || arm64) || os.startsWith("windows") && x64

    test("BoringSSL loads and offers ALPN on the platforms netty-tcnative ships for").config(enabled = shipped) {
        withClue(OpenSsl.unavailabilityCause()) {
            OpenSsl.isAvailable() shouldBe true
            SslProvider.isAlpnSupported(SslProvider.OPENSSL) shouldBe true
        }
    }

    test("over BoringSSL the server still negotiates HTTP/2 and asks for, but does not require, a client certificate") {
        KubeTestServer.start().use { server ->
            val reply = TestClient(server).get("/api/v1/namespaces/default/configmaps")
            reply.code shouldBe 200
            reply.version shouldBe HttpClient.Version.HTTP_2
        }
    }
})

private inline fun <T> withClue(cause: Throwable?, block: () -> T): T =
    io.kotest.assertions.withClue(cause?.toString() ?: "no unavailability cause") { block() }
