package io.kubekt.transport

import io.kubekt.error.TlsException
import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.cio.CIO
import java.net.Proxy

/**
 * Ktor's CIO engine: pure coroutines, HTTP/1.1 only (so one connection per open watch), with
 * Ktor's own TLS 1.2 implementation. Applies trust (including `tls-server-name` as SNI and for the
 * name check), connect timeout and the proxy chosen for the server URL.
 *
 * Limits (see `docs/decisions/http-engine.md`): no HTTP/2, so no pings or multiplexing; client
 * certificates do not work (its TLS failed the handshake with both RSA and EC client keys), so a
 * configuration with one is refused here; it always checks the server name itself, so
 * insecure-skip-tls-verify cannot accept a certificate for another name; the proxy is chosen once
 * for the server URL.
 */
public object CioEngineFactory : HttpEngineFactory {
    override fun create(settings: EngineSettings): HttpClientEngine {
        val keyManager = settings.keyManager
        if (keyManager != null && keyManager.chooseClientAlias(arrayOf("EC", "RSA"), null, null) != null) {
            throw TlsException(
                "the CIO engine cannot present a client certificate to ${settings.server}; " +
                    "use the default engine (JavaEngineFactory) or OkHttpEngineFactory",
            )
        }
        return CIO.create {
            requestTimeout = 0
            endpoint.connectTimeout = settings.connectTimeout.toMillis()
            endpoint.maxConnectionsPerRoute = 1000
            https {
                trustManager = settings.trustManager
                serverName = settings.serverName
            }
            proxy = settings.proxySelector.select(settings.server).firstOrNull()?.takeIf { it.type() != Proxy.Type.DIRECT }
        }
    }

    override fun toString(): String = "CioEngineFactory"
}
