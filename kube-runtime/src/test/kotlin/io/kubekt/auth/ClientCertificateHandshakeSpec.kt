package io.kubekt.auth

import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsExchange
import com.sun.net.httpserver.HttpsParameters
import com.sun.net.httpserver.HttpsServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.config.ClientConfig
import io.kubekt.config.Credentials
import io.kubekt.config.ExecConfig
import io.kubekt.config.PemSource
import io.kubekt.config.TlsConfig
import io.kubekt.testing.FakeClock
import io.kubekt.testing.Issued
import io.kubekt.testing.TestCertificates
import kotlinx.serialization.json.put
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.security.KeyStore
import java.security.cert.X509Certificate
import java.time.Instant
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLSocket
import javax.net.ssl.TrustManagerFactory
import javax.net.ssl.X509KeyManager
import kotlin.time.Duration.Companion.minutes

/** Real TLS handshakes on loopback: the server reports which client certificate it saw. */
class ClientCertificateHandshakeSpec : FunSpec({
    val ca = TestCertificates.ca()
    val httpsServer = HttpsServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0).apply {
        val context = TestCertificates.serverContext(TestCertificates.server(ca), ca, clientCa = ca)
        httpsConfigurator = object : HttpsConfigurator(context) {
            override fun configure(params: HttpsParameters) {
                params.setSSLParameters(sslContext.defaultSSLParameters.apply { needClientAuth = true })
            }
        }
        createContext("/") { exchange ->
            val peer = (exchange as HttpsExchange).sslSession.peerCertificates.first() as X509Certificate
            val body = peer.subjectX500Principal.name.toByteArray()
            exchange.sendResponseHeaders(200, body.size.toLong())
            exchange.responseBody.use { it.write(body) }
        }
        start()
    }
    afterSpec { httpsServer.stop(0) }
    val port = httpsServer.address.port

    fun clientContext(keyManager: X509KeyManager): SSLContext {
        val trust = KeyStore.getInstance("PKCS12").apply { load(null, null); setCertificateEntry("ca", ca.certificate) }
        val tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(trust) }
        return SSLContext.getInstance("TLS").apply { init(arrayOf(keyManager), tmf.trustManagers, null) }
    }

    /** One request on a new connection through an SSLEngine (the JDK HTTP client). */
    fun viaEngine(context: SSLContext): String {
        val client = HttpClient.newBuilder().sslContext(context).build()
        val request = HttpRequest.newBuilder(URI("https://127.0.0.1:$port/")).build()
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body()
    }

    /** One request on a new connection through an SSLSocket. */
    fun viaSocket(context: SSLContext): String = (context.socketFactory.createSocket("127.0.0.1", port) as SSLSocket).use { socket ->
        socket.outputStream.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".toByteArray())
        socket.outputStream.flush()
        socket.inputStream.readAllBytes().toString(Charsets.UTF_8).substringAfter("\r\n\r\n")
    }

    fun respondCertificate(plugins: PluginDir, client: Issued, expires: Instant) = plugins.respond(
        PluginDir.credential(PluginDir.V1) {
            put("clientCertificateData", client.certPem)
            put("clientKeyData", client.keyPemPkcs8)
            put("expirationTimestamp", expires.toString())
        },
    )

    test("a rotated exec plugin certificate is presented on new connections") {
        PluginDir().use { plugins ->
            val clock = FakeClock()
            val now = Instant.ofEpochMilli(clock.currentTimeMillis())
            respondCertificate(plugins, TestCertificates.client(ca, "alice"), now.plusSeconds(60))
            val exec = ExecConfig(command = plugins.plugin().toString(), apiVersion = PluginDir.V1, interactiveMode = "Never")
            val auth = Authenticators.forConfig(ClientConfig { server = "https://127.0.0.1:$port"; credentials = Credentials.Exec(exec) }, clock)
            val context = clientContext(auth.keyManager!!).also(auth::bindTlsContext)
            auth.authorization()
            viaEngine(context) shouldBe "CN=alice"
            viaSocket(context) shouldBe "CN=alice"

            respondCertificate(plugins, TestCertificates.client(ca, "bob", kind = io.kubekt.testing.KeyKind.RSA), now.plusSeconds(600))
            clock.advance(2.minutes)
            auth.authorization()
            plugins.runs() shouldBe 2
            viaEngine(context) shouldBe "CN=bob"
            viaSocket(context) shouldBe "CN=bob"
        }
    }

    test("rewritten client certificate files are presented on new connections") {
        PluginDir().use { dir ->
            val certFile = dir.file("client.crt")
            val keyFile = dir.file("client.key")
            fun write(client: Issued, time: Instant) {
                Files.writeString(certFile, client.certPem)
                Files.writeString(keyFile, client.keyPemTraditional)
                Files.setLastModifiedTime(certFile, FileTime.from(time))
                Files.setLastModifiedTime(keyFile, FileTime.from(time))
            }
            write(TestCertificates.client(ca, "carol"), Instant.now().minusSeconds(60))
            val tls = TlsConfig(clientCertificate = PemSource.File(certFile), clientKey = PemSource.File(keyFile))
            val auth = Authenticators.forConfig(ClientConfig { server = "https://127.0.0.1:$port"; this.tls = tls }, FakeClock())
            val context = clientContext(auth.keyManager!!).also(auth::bindTlsContext)
            viaEngine(context) shouldBe "CN=carol"

            write(TestCertificates.client(ca, "dave"), Instant.now())
            auth.authorization()
            viaEngine(context) shouldBe "CN=dave"
            viaSocket(context) shouldBe "CN=dave"
        }
    }
})
