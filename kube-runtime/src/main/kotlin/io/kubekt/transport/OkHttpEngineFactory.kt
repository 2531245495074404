package io.kubekt.transport

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.okhttp.OkHttp
import java.time.Duration

/**
 * Ktor's OkHttp engine, speaking HTTP/2 where the server offers it. Applies every setting: SSL
 * context and trust manager, `tls-server-name` as SNI and for the name check, proxy selector
 * (HTTP and SOCKS), connect timeout and HTTP/2 pings. Read and call timeouts are off (watches are
 * long; the transport applies its own request timeout), and OkHttp's silent retry of failed
 * connections is off so the retry table in `docs/decisions/retries.md` holds exactly.
 *
 * Needs `com.squareup.okhttp3:okhttp` (through `io.ktor:ktor-client-okhttp-jvm`) on the class path.
 */
public object OkHttpEngineFactory : HttpEngineFactory {
    override fun create(settings: EngineSettings): HttpClientEngine = OkHttp.create {
        config {
            sslSocketFactory(ServerNameSocketFactory(settings.sslContext.socketFactory, settings.serverName), settings.trustManager)
            hostnameVerifier(settings.hostnameVerifier)
            proxySelector(settings.proxySelector)
            connectTimeout(settings.connectTimeout)
            readTimeout(Duration.ZERO)
            writeTimeout(Duration.ZERO)
            callTimeout(Duration.ZERO)
            pingInterval(settings.pingInterval)
            followRedirects(false)
            followSslRedirects(false)
            retryOnConnectionFailure(false)
        }
    }

    override fun toString(): String = "OkHttpEngineFactory"
}
