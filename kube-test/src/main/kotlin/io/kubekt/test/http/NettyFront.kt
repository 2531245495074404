package io.kubekt.test.http

import io.ktor.server.application.ApplicationCallPipeline
import io.ktor.server.engine.EmbeddedServer
import io.ktor.server.engine.applicationEnvironment
import io.ktor.server.engine.connector
import io.ktor.server.engine.embeddedServer
import io.ktor.server.engine.sslConnector
import io.ktor.server.netty.Netty
import io.ktor.server.netty.NettyApplicationEngine
import kotlinx.coroutines.runBlocking
import java.security.KeyStore

/**
 * The HTTP side: a Ktor server on Netty bound to 127.0.0.1, HTTP/1.1 in clear text, or TLS with
 * ALPN offering HTTP/2 and HTTP/1.1 as kube-apiserver does. Every request goes to [handler].
 */
internal class NettyFront(
    private val handler: ApiHandler,
    private val port: Int,
    private val keyStore: KeyStore?,
    private val trustStore: KeyStore?,
) {
    private val tracker = ConnectionTracker(wantClientCertificates = trustStore != null)
    private var server: EmbeddedServer<NettyApplicationEngine, NettyApplicationEngine.Configuration>? = null

    /** Starts listening; returns the bound port. */
    fun start(): Int {
        val engine = embeddedServer(
            Netty,
            environment = applicationEnvironment { },
            configure = {
                if (keyStore != null) {
                    sslConnector(keyStore, "server", { CharArray(0) }, { CharArray(0) }) {
                        host = "127.0.0.1"
                        port = this@NettyFront.port
                        this.trustStore = this@NettyFront.trustStore
                    }
                } else {
                    connector {
                        host = "127.0.0.1"
                        port = this@NettyFront.port
                    }
                }
                enableHttp2 = true
                responseWriteTimeoutSeconds = 0
                shutdownGracePeriod = 0
                shutdownTimeout = 2_000
                configureBootstrap = { handler(tracker) }
            },
        ) {
            intercept(ApplicationCallPipeline.Call) {
                handler.handle(context)
                finish()
            }
        }
        engine.start(wait = false)
        server = engine
        return runBlocking { engine.engine.resolvedConnectors().first().port }
    }

    /** Closes every client connection; the server keeps listening. */
    fun closeConnections() = tracker.closeAll()

    fun openConnections(): Int = tracker.openConnections()

    fun stop() {
        server?.stop(0, 2_000)
        server = null
    }
}
