package io.kubekt.transport

import java.net.ProxySelector
import java.net.URI
import java.time.Duration
import javax.net.ssl.HostnameVerifier
import javax.net.ssl.SSLContext
import javax.net.ssl.X509KeyManager
import javax.net.ssl.X509TrustManager

/**
 * What an [HttpEngineFactory] must apply, resolved from a [io.kubekt.config.ClientConfig].
 *
 * [sslContext] already carries the trust decision (the configured CA only, the JVM default, or
 * none when the kubeconfig asked for insecure-skip-tls-verify) and the client key material (a key
 * manager that is asked again for every new connection, so rotated client certificates apply).
 * [trustManager] is the same trust manager [sslContext] uses; it checks the server name too, so
 * an engine that cannot set SNI still verifies `tls-server-name`.
 */
public class EngineSettings(
    /** The API server's base URL; one engine talks to one server. */
    public val server: URI,
    public val sslContext: SSLContext,
    public val trustManager: X509TrustManager,
    /** The client key material inside [sslContext], for engines that take keys rather than a context; null for none. */
    public val keyManager: X509KeyManager?,
    /** Checks the server's name; honours tls-server-name, and accepts anything only when insecure. */
    public val hostnameVerifier: HostnameVerifier,
    /** The name sent as SNI and verified, if not the URL's host (kubeconfig `tls-server-name`). */
    public val serverName: String?,
    /** Chooses the proxy per URL (explicit proxy-url, or HTTPS_PROXY/HTTP_PROXY/NO_PROXY). */
    public val proxySelector: ProxySelector,
    public val connectTimeout: Duration,
    /** How often an idle HTTP/2 connection is pinged to detect that it died; zero turns pings off. */
    public val pingInterval: Duration,
) {
    override fun toString(): String =
        "EngineSettings(server=$server, serverName=$serverName, proxySelector=$proxySelector, " +
            "connectTimeout=$connectTimeout, pingInterval=$pingInterval)"
}
