package io.kubekt.transport

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.cio.CIO
import io.ktor.network.tls.CertificateAndKey
import java.net.Proxy

/**
 * Ktor's CIO engine: pure coroutines, HTTP/1.1 only (so one connection per open watch), with
 * Ktor's own TLS 1.2 implementation. Applies trust (including `tls-server-name` as SNI and for the
 * name check), connect timeout and the proxy chosen for the server URL.
 *
 * Limits (see `docs/decisions/http-engine.md`): no HTTP/2 and so no pings or multiplexing; client
 * key material is read once when the engine is made, so a rotated client certificate needs a new
 * client; the proxy is chosen once for the server URL.
 */
public object CioEngineFactory : HttpEngineFactory {
    override fun create(settings: EngineSettings): HttpClientEngine = CIO.create {
        requestTimeout = 0
        endpoint.connectTimeout = settings.connectTimeout.toMillis()
        endpoint.maxConnectionsPerRoute = 1000
        https {
            trustManager = settings.trustManager
            serverName = settings.serverName
            clientKey(settings)?.let { certificates += it }
        }
        proxy = settings.proxySelector.select(settings.server).firstOrNull()?.takeIf { it.type() != Proxy.Type.DIRECT }
    }

    /** The client certificate and key the SSL context would offer, taken once. */
    private fun clientKey(settings: EngineSettings): CertificateAndKey? {
        val keyManager = settings.keyManager ?: return null
        val alias = keyManager.chooseClientAlias(arrayOf("EC", "RSA"), null, null) ?: return null
        val chain = keyManager.getCertificateChain(alias) ?: return null
        val key = keyManager.getPrivateKey(alias) ?: return null
        return CertificateAndKey(chain, key)
    }

    override fun toString(): String = "CioEngineFactory"
}
