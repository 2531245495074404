package io.kubekt.transport

import java.net.ProxySelector
import java.time.Duration
import javax.net.ssl.HostnameVerifier
import javax.net.ssl.SSLContext
import javax.net.ssl.X509TrustManager

/**
 * What an [HttpEngineFactory] must apply, resolved from a [io.kubekt.config.ClientConfig].
 *
 * [sslContext] already carries the trust decision (the configured CA only, the JVM default, or
 * none when the kubeconfig asked for insecure-skip-tls-verify) and the client key material (a key
 * manager that is asked again for every new connection, so rotated client certificates apply).
 */
public class EngineSettings(
    public val sslContext: SSLContext,
    public val trustManager: X509TrustManager,
    /** Checks the server's name; honours tls-server-name, and accepts anything only when insecure. */
    public val hostnameVerifier: HostnameVerifier,
    /** The name sent as SNI and verified, if not the URL's host (kubeconfig `tls-server-name`). */
    public val serverName: String?,
    /** Chooses the proxy per URL (explicit proxy-url, or HTTPS_PROXY/HTTP_PROXY/NO_PROXY). */
    public val proxySelector: ProxySelector,
    public val connectTimeout: Duration,
    /** How often an idle HTTP/2 connection is pinged to detect that it died; zero turns pings off. */
    public val pingInterval: Duration,
)
