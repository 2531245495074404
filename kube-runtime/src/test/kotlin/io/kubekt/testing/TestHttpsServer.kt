package io.kubekt.testing

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsParameters
import com.sun.net.httpserver.HttpsServer
import java.net.InetSocketAddress
import java.util.Collections
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import javax.net.ssl.SNIHostName
import javax.net.ssl.SNIMatcher
import javax.net.ssl.SNIServerName
import javax.net.ssl.StandardConstants

/** A request as [TestHttpsServer] saw it; header names lower-cased. */
class RecordedRequest(val method: String, val pathAndQuery: String, val headers: Map<String, List<String>>, val body: ByteArray) {
    fun header(name: String): String? = headers[name.lowercase()]?.firstOrNull()
    fun headers(name: String): List<String> = headers[name.lowercase()].orEmpty()
}

/**
 * An HTTP/1.1 server over TLS on 127.0.0.1 for transport tests (JDK `HttpsServer`). It presents
 * [serverCert] (with [ca] in the chain) and, when [clientCa] is given, requires a client
 * certificate signed by it. Each request goes to [handler]; [requests] records them, [serverNames]
 * records the SNI names clients sent. Close it to stop it.
 */
class TestHttpsServer(
    serverCert: Issued,
    ca: Issued,
    clientCa: Issued? = null,
    var handler: (RecordedRequest, HttpExchange) -> Unit = { _, exchange -> exchange.reply(200, "{}") },
) : AutoCloseable {
    private val executor: ExecutorService = Executors.newCachedThreadPool { r -> Thread(r, "test-https-server").apply { isDaemon = true } }
    private val server: HttpsServer = HttpsServer.create(InetSocketAddress("127.0.0.1", 0), 64)
    val requests: MutableList<RecordedRequest> = Collections.synchronizedList(mutableListOf())
    val serverNames: MutableList<String> = Collections.synchronizedList(mutableListOf())
    private val count = AtomicInteger()

    init {
        val context = TestCertificates.serverContext(serverCert, ca, clientCa)
        server.httpsConfigurator = object : HttpsConfigurator(context) {
            override fun configure(params: HttpsParameters) {
                val ssl = context.defaultSSLParameters
                ssl.needClientAuth = clientCa != null
                ssl.sniMatchers = listOf(object : SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    override fun matches(name: SNIServerName): Boolean {
                        serverNames += (name as? SNIHostName)?.asciiName ?: name.toString()
                        return true
                    }
                })
                params.setSSLParameters(ssl)
            }
        }
        server.createContext("/") { exchange ->
            val recorded = RecordedRequest(
                exchange.requestMethod,
                exchange.requestURI.rawPath + (exchange.requestURI.rawQuery?.let { "?$it" } ?: ""),
                exchange.requestHeaders.entries.associate { (k, v) -> k.lowercase() to v.toList() },
                exchange.requestBody.readAllBytes(),
            )
            requests += recorded
            count.incrementAndGet()
            try {
                handler(recorded, exchange)
            } finally {
                exchange.close()
            }
        }
        server.executor = executor
        server.start()
    }

    val port: Int get() = server.address.port
    val url: String get() = "https://127.0.0.1:$port"
    val requestCount: Int get() = count.get()

    override fun close() {
        server.stop(0)
        executor.shutdownNow()
    }
}

/** Sends a complete response. */
fun HttpExchange.reply(code: Int, body: String = "", headers: Map<String, String> = mapOf("Content-Type" to "application/json")) {
    headers.forEach { (k, v) -> responseHeaders.add(k, v) }
    val bytes = body.toByteArray()
    sendResponseHeaders(code, if (bytes.isEmpty()) -1 else bytes.size.toLong())
    if (bytes.isNotEmpty()) responseBody.use { it.write(bytes) }
}
