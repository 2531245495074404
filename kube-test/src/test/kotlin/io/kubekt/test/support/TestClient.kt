package io.kubekt.test.support

import io.kubekt.test.ClientCertificate
import io.kubekt.test.KubeTestServer
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import java.io.BufferedReader
import java.io.InputStreamReader
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.KeyFactory
import java.security.KeyStore
import java.security.cert.CertificateFactory
import java.security.cert.X509Certificate
import java.security.spec.PKCS8EncodedKeySpec
import java.time.Duration
import java.util.Base64
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory

/** A reply: status code, protocol version, headers and body. */
class Reply(val code: Int, val version: HttpClient.Version, val headers: Map<String, List<String>>, val text: String) {
    val json: JsonObject get() = Json.parseToJsonElement(text) as JsonObject
    fun header(name: String): String? = headers.entries.firstOrNull { it.key.equals(name, true) }?.value?.firstOrNull()
    override fun toString() = "Reply($code, $text)"
}

/** An open watch stream read line by line on a daemon thread. */
class WatchStream(private val response: HttpResponse<java.io.InputStream>) : AutoCloseable {
    val code: Int get() = response.statusCode()
    val version: HttpClient.Version get() = response.version()
    private val lines = LinkedBlockingQueue<String>()
    @Volatile var ended = false
        private set

    init {
        Thread {
            try {
                BufferedReader(InputStreamReader(response.body())).use { r ->
                    while (true) lines.put(r.readLine() ?: break)
                }
            } catch (_: Exception) {
            } finally {
                ended = true
                lines.put(END)
            }
        }.apply { isDaemon = true }.start()
    }

    /** The next event, or null at end of stream or after [timeout]. */
    fun next(timeout: Duration = Duration.ofSeconds(5)): JsonObject? {
        val line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) ?: return null
        if (line === END) { lines.put(END); return null }
        return Json.parseToJsonElement(line) as JsonObject
    }

    /** Waits until the server ends the stream; true if it did within [timeout]. */
    fun awaitEnd(timeout: Duration = Duration.ofSeconds(5)): Boolean {
        val deadline = System.nanoTime() + timeout.toNanos()
        while (System.nanoTime() < deadline) {
            val line = lines.poll(50, TimeUnit.MILLISECONDS) ?: continue
            if (line === END) { lines.put(END); return true }
        }
        return false
    }

    override fun close() = response.body().close()

    private companion object { val END = String(charArrayOf('\u0000')) }
}

/** The JDK HTTP client configured for a kube-test server: trusting its CA, optional token or client certificate. */
class TestClient(
    private val server: KubeTestServer,
    private val token: String? = null,
    cert: ClientCertificate? = null,
    version: HttpClient.Version = HttpClient.Version.HTTP_2,
    trustPem: String = server.caCertificatePem,
    private val userAgent: String? = null,
) {
    val http: HttpClient = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).apply {
        if (server.https) sslContext(sslContext(trustPem, cert))
    }.build()

    fun get(path: String, accept: String? = null) = send(request(path).GET().apply { accept?.let { header("Accept", it) } })
    fun post(path: String, body: String) = send(request(path).header("Content-Type", "application/json").POST(publish(body)))
    fun put(path: String, body: String) = send(request(path).header("Content-Type", "application/json").PUT(publish(body)))
    fun patch(path: String, body: String, type: String = "application/merge-patch+json") =
        send(request(path).header("Content-Type", type).method("PATCH", publish(body)))
    fun delete(path: String, body: String? = null) = send(
        request(path).apply { if (body != null) header("Content-Type", "application/json") }
            .method("DELETE", if (body == null) HttpRequest.BodyPublishers.noBody() else publish(body)),
    )

    fun watch(path: String, accept: String? = null): WatchStream {
        val req = request(path).GET().apply { accept?.let { header("Accept", it) } }.build()
        return WatchStream(http.send(req, HttpResponse.BodyHandlers.ofInputStream()))
    }

    private fun request(path: String) = HttpRequest.newBuilder(URI.create(server.url + path)).timeout(Duration.ofSeconds(20)).apply {
        if (token != null) header("Authorization", "Bearer $token")
        if (userAgent != null) header("User-Agent", userAgent)
    }

    private fun publish(body: String) = HttpRequest.BodyPublishers.ofString(body)

    private fun send(builder: HttpRequest.Builder): Reply {
        val response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString())
        return Reply(response.statusCode(), response.version(), response.headers().map(), response.body())
    }

    companion object {
        fun certificate(pem: String): X509Certificate =
            CertificateFactory.getInstance("X.509").generateCertificate(pem.byteInputStream()) as X509Certificate

        fun sslContext(trustPem: String, cert: ClientCertificate?): SSLContext {
            val trust = KeyStore.getInstance("PKCS12").apply { load(null, null); setCertificateEntry("ca", certificate(trustPem)) }
            val tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(trust) }
            val kms = cert?.let {
                val der = Base64.getMimeDecoder().decode(it.privateKeyPem.lines().filter { l -> !l.startsWith("-----") }.joinToString(""))
                val key = KeyFactory.getInstance("EC").generatePrivate(PKCS8EncodedKeySpec(der))
                val ks = KeyStore.getInstance("PKCS12").apply { load(null, null); setKeyEntry("me", key, CharArray(0), arrayOf(certificate(it.certificatePem))) }
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).apply { init(ks, CharArray(0)) }.keyManagers
            }
            return SSLContext.getInstance("TLS").apply { init(kms, tmf.trustManagers, null) }
        }

        fun json(text: String): JsonElement = Json.parseToJsonElement(text)
    }
}
