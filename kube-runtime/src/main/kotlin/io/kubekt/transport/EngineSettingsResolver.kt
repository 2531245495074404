package io.kubekt.transport

import io.kubekt.config.ClientConfig
import org.slf4j.LoggerFactory
import java.net.URI
import java.time.Duration
import javax.net.ssl.SSLContext
import javax.net.ssl.X509KeyManager

/** Builds [EngineSettings] from a [ClientConfig]: TLS trust and keys, server name, proxy, timeouts. */
internal object EngineSettingsResolver {
    private val logger = LoggerFactory.getLogger(HttpTransport::class.java)

    /** HTTP/2 ping interval: client-go pings a connection idle for 30 s (its ReadIdleTimeout). */
    val PING_INTERVAL: Duration = Duration.ofSeconds(30)

    /** Where the server's certificate must chain to, for error messages. */
    fun trustDescription(config: ClientConfig): String =
        config.tls.certificateAuthority?.let { "the certificate authority from ${it.describe()} (${config.source})" }
            ?: "the JVM default trust store (no certificate authority configured in ${config.source})"

    fun resolve(config: ClientConfig, keyManager: X509KeyManager?, environment: Map<String, String>): EngineSettings {
        val tls = config.tls
        val trustManager = if (tls.insecureSkipTlsVerify) {
            logger.warn(
                "insecure-skip-tls-verify is set for {} ({}): the server's certificate is not verified, " +
                    "so anyone on the network path can impersonate it",
                config.server, config.source,
            )
            InsecureTrustManager
        } else {
            VerifyingTrustManager(TrustMaterial.trustManager(tls.certificateAuthority, config.source), tls.serverName, trustDescription(config))
        }
        val sslContext = SSLContext.getInstance("TLS").apply {
            init(keyManager?.let { arrayOf(it) }, arrayOf(trustManager), null)
        }
        return EngineSettings(
            server = URI(config.server),
            sslContext = sslContext,
            trustManager = trustManager,
            keyManager = keyManager,
            hostnameVerifier = NameCheckingHostnameVerifier(tls.serverName, tls.insecureSkipTlsVerify),
            serverName = tls.serverName,
            proxySelector = KubeProxySelector.create(config.proxyUrl, environment, config.source),
            connectTimeout = config.connectTimeout,
            pingInterval = PING_INTERVAL,
        )
    }
}
