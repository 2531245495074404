package io.kubekt.transport

import java.security.cert.X509Certificate
import javax.net.ssl.HostnameVerifier
import javax.net.ssl.SSLPeerUnverifiedException
import javax.net.ssl.SSLSession

/**
 * For engines that check the name after the handshake (OkHttp): verifies the peer certificate
 * against [serverName] when set (`tls-server-name`), else against the URL's host; accepts
 * everything only when [insecure].
 */
internal class NameCheckingHostnameVerifier(private val serverName: String?, private val insecure: Boolean) : HostnameVerifier {
    override fun verify(hostname: String, session: SSLSession): Boolean {
        if (insecure) return true
        val leaf = try {
            session.peerCertificates.firstOrNull() as? X509Certificate
        } catch (_: SSLPeerUnverifiedException) {
            null
        } ?: return false
        return HostnameMatcher.matches(serverName ?: hostname, leaf)
    }
}
