package io.kubekt.transport

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.java.Java
import kotlinx.coroutines.Dispatchers
import java.net.http.HttpClient
import javax.net.ssl.SNIHostName

/**
 * Ktor's Java engine over `java.net.http.HttpClient`, speaking HTTP/2 (ALPN) where the server
 * offers it. Applies the SSL context (trust, client keys), proxy selector and connect timeout.
 *
 * Limits (see `docs/decisions/http-engine.md`): the JDK client sends no HTTP/2 pings, so a dead
 * connection is noticed only by TCP; it speaks no SOCKS proxies; and it sends `tls-server-name` as
 * SNI only when the URL's host is an IP address (for a DNS host it sends that host) — the
 * certificate is checked against `tls-server-name` either way.
 */
public object JavaEngineFactory : HttpEngineFactory {
    override fun create(settings: EngineSettings): HttpClientEngine = Java.create {
        protocolVersion = HttpClient.Version.HTTP_2
        // The engine's coroutines and the JDK client's executor: a bounded view of Dispatchers.IO, so
        // that 100 watches on one connection do not spread over dozens of IO threads (the JDK client
        // never blocks its executor; its selector has a thread of its own).
        dispatcher = Dispatchers.IO.limitedParallelism(BackgroundThreads.count)
        config {
            sslContext(settings.sslContext)
            val parameters = settings.sslContext.defaultSSLParameters
            settings.serverName?.takeIf { ProxyRules.literalAddress(it) == null }?.let {
                parameters.serverNames = listOf(SNIHostName(it))
            }
            sslParameters(parameters)
            proxy(settings.proxySelector)
            connectTimeout(settings.connectTimeout)
            followRedirects(HttpClient.Redirect.NEVER)
        }
    }

    override fun toString(): String = "JavaEngineFactory"
}
