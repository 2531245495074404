package io.kubekt.transport

import java.net.Socket
import java.security.cert.CertificateException
import java.security.cert.X509Certificate
import javax.net.ssl.SSLEngine
import javax.net.ssl.X509ExtendedTrustManager

/**
 * Checks the API server's certificate: the chain against [delegate] (the configured CA or the JVM
 * default), then the name — [serverName] (kubeconfig `tls-server-name`) when set, else the
 * connection's host as the JDK checks it. Failures are [ServerCertificateRejected], whose message
 * says which check failed and where the CA came from ([caDescription]), so the transport can report it.
 *
 * Client certificates are not checked here; this trust manager only ever runs on the client side.
 */
internal class VerifyingTrustManager(
    private val delegate: X509ExtendedTrustManager,
    private val serverName: String?,
    private val caDescription: String,
) : X509ExtendedTrustManager() {

    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {
        checkChain(chain, authType)
        serverName?.let { checkName(it, chain) }
    }

    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String, socket: Socket?) {
        checkChain(chain, authType)
        if (serverName != null) checkName(serverName, chain) else checkIdentity { delegate.checkServerTrusted(chain, authType, socket) }
    }

    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String, engine: SSLEngine?) {
        checkChain(chain, authType)
        if (serverName != null) checkName(serverName, chain) else checkIdentity { delegate.checkServerTrusted(chain, authType, engine) }
    }

    private fun checkChain(chain: Array<X509Certificate>, authType: String) {
        try {
            delegate.checkServerTrusted(chain, authType)
        } catch (e: CertificateException) {
            throw ServerCertificateRejected("the server certificate is not trusted by $caDescription", e)
        }
    }

    private fun checkName(name: String, chain: Array<X509Certificate>) {
        if (chain.isEmpty() || !HostnameMatcher.matches(name, chain[0])) {
            throw ServerCertificateRejected("the server certificate does not name \"$name\" (tls-server-name)", null)
        }
    }

    private inline fun checkIdentity(check: () -> Unit) {
        try {
            check()
        } catch (e: CertificateException) {
            throw ServerCertificateRejected("the server certificate does not name the server's host (set tls-server-name if it names another)", e)
        }
    }

    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String): Unit = refuseClient()
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String, socket: Socket?): Unit = refuseClient()
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String, engine: SSLEngine?): Unit = refuseClient()
    override fun getAcceptedIssuers(): Array<X509Certificate> = delegate.acceptedIssuers

    private fun refuseClient(): Nothing = throw CertificateException("a client-side trust manager does not check client certificates")
}

/** The server's certificate failed a check; the message is safe to show (no certificate content). */
internal class ServerCertificateRejected(message: String, cause: Throwable?) : CertificateException(message, cause)
