package io.kubekt.testing

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory
import org.eclipse.jetty.http2.HTTP2Session
import org.eclipse.jetty.http2.api.Session
import org.eclipse.jetty.http2.frames.Frame
import org.eclipse.jetty.http2.frames.PingFrame
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory
import org.eclipse.jetty.io.Content
import org.eclipse.jetty.server.Handler
import org.eclipse.jetty.server.HttpConfiguration
import org.eclipse.jetty.server.HttpConnectionFactory
import org.eclipse.jetty.server.Request
import org.eclipse.jetty.server.Response
import org.eclipse.jetty.server.SecureRequestCustomizer
import org.eclipse.jetty.server.Server
import org.eclipse.jetty.server.ServerConnector
import org.eclipse.jetty.server.SslConnectionFactory
import org.eclipse.jetty.util.Callback
import org.eclipse.jetty.util.ssl.SslContextFactory
import org.eclipse.jetty.util.thread.QueuedThreadPool
import java.io.OutputStream
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger

/**
 * An HTTPS server on 127.0.0.1 that speaks HTTP/2 (ALPN `h2`) and HTTP/1.1, for measuring engines
 * (Jetty, test scope only). [handler] gets the request path and query and a blocking output
 * stream for the body; the response is 200 `application/json`. Its threads are named
 * `jetty-server*` so measurements can tell them from the client's.
 */
class Http2TestServer(
    serverCert: Issued,
    ca: Issued,
    private val handler: (pathAndQuery: String, body: OutputStream) -> Unit,
) : AutoCloseable {
    private val server = Server(QueuedThreadPool(600, 8).apply { name = "jetty-server" })
    private val connector: ServerConnector

    /** Non-reply PING frames received from clients. */
    val pingsReceived = AtomicInteger()

    /** The protocol of each request, e.g. `HTTP/2.0`. */
    val protocols: MutableList<String> = Collections.synchronizedList(mutableListOf())

    init {
        val config = HttpConfiguration().apply { addCustomizer(SecureRequestCustomizer().apply { isSniHostCheck = false }) }
        val h1 = HttpConnectionFactory(config)
        val h2 = HTTP2ServerConnectionFactory(config).apply { maxConcurrentStreams = 1000 }
        h2.addBean(object : HTTP2Session.FrameListener {
            override fun onIncomingFrame(session: Session, frame: Frame) {
                if (frame is PingFrame && !frame.isReply) pingsReceived.incrementAndGet()
            }
        })
        val alpn = ALPNServerConnectionFactory().apply { defaultProtocol = h1.protocol }
        val ssl = SslContextFactory.Server().apply { sslContext = TestCertificates.serverContext(serverCert, ca) }
        connector = ServerConnector(server, SslConnectionFactory(ssl, alpn.protocol), alpn, h2, h1).apply { host = "127.0.0.1"; port = 0 }
        server.addConnector(connector)
        server.handler = object : Handler.Abstract() {
            override fun handle(request: Request, response: Response, callback: Callback): Boolean {
                protocols += request.connectionMetaData.protocol
                response.status = 200
                response.headers.put("Content-Type", "application/json")
                val uri = request.httpURI
                try {
                    Content.Sink.asOutputStream(response).use { out -> handler(uri.path + (uri.query?.let { "?$it" } ?: ""), out) }
                    callback.succeeded()
                } catch (e: Throwable) {
                    callback.failed(e)
                }
                return true
            }
        }
        server.start()
    }

    val url: String get() = "https://127.0.0.1:${connector.localPort}"

    /** TCP connections open right now. */
    val openConnections: Int get() = connector.connectedEndPoints.size

    override fun close() {
        server.stop()
    }
}
