package io.kubekt.transport

import io.kubekt.error.KubeException
import io.kubekt.error.TlsException
import io.kubekt.error.TransportException
import io.kubekt.request.KubeRequest
import java.net.ConnectException
import java.net.NoRouteToHostException
import java.net.SocketTimeoutException
import java.net.UnknownHostException
import java.nio.channels.UnresolvedAddressException
import javax.net.ssl.SSLException
import javax.net.ssl.SSLHandshakeException
import javax.net.ssl.SSLPeerUnverifiedException
import java.security.cert.CertificateException

/**
 * Turns what an engine threw into kubekt's error tree, and says how far the attempt got (which
 * decides whether it may be retried). Messages name the request and the server, never a header.
 * [trustDescription] says where trust came from (the CA file, inline data, or the JVM default),
 * for engines that surface a bare certificate error instead of [ServerCertificateRejected].
 */
internal class TransportFailures(private val server: String, private val trustDescription: String) {
    class Classified(val exception: KubeException, val failure: ConnectionFailure)

    fun classify(error: Throwable, request: KubeRequest): Classified {
        val chain = generateSequence(error) { it.cause }.take(16).toList()
        val what = "$request on $server"
        fun tls(reason: String) = Classified(TlsException("TLS handshake with $server failed for $request: $reason", error), ConnectionFailure.FINAL)
        chain.firstNotNullOfOrNull { it as? ServerCertificateRejected }?.let { return tls(it.message.orEmpty()) }
        chain.firstOrNull { it is CertificateException }?.let { return tls("the server certificate is not trusted by $trustDescription") }
        chain.firstOrNull { it is SSLPeerUnverifiedException || isNameMismatch(it) }?.let {
            return tls("the server certificate does not name the server's host (set tls-server-name if it names another)")
        }
        chain.firstOrNull { it is UnknownHostException || it is UnresolvedAddressException }?.let {
            return final("$what failed: unknown host \"${hostOf(server)}\" (check the server URL and DNS)", error)
        }
        chain.firstOrNull { it is ConnectException || it is NoRouteToHostException || isConnectTimeout(it) }?.let {
            val reason = if (isConnectTimeout(it)) "connect timed out" else "connection refused or unreachable"
            val message = "$what failed: $reason (is the API server running and reachable at $server?)"
            return Classified(TransportException(message, error, isTimeout = isConnectTimeout(it)), ConnectionFailure.NOT_SENT)
        }
        chain.firstOrNull { it is SSLHandshakeException || (it is SSLException && isAlert(it)) }?.let {
            return tls(tlsReason(it))
        }
        val detail = chain.last().let { it.message?.take(120) ?: it.javaClass.simpleName }
        return Classified(TransportException("$what failed: the connection broke ($detail)", error), ConnectionFailure.MAYBE_SENT)
    }

    /** Ktor CIO's own TLS reports a name mismatch as `TLSException: No server host: ...`. */
    private fun isNameMismatch(t: Throwable): Boolean =
        t.javaClass.simpleName == "TLSException" && t.message.orEmpty().startsWith("No server host")

    private fun final(message: String, cause: Throwable) = Classified(TransportException(message, cause), ConnectionFailure.FINAL)

    private fun isConnectTimeout(t: Throwable): Boolean =
        t.javaClass.simpleName.let { it == "HttpConnectTimeoutException" || it == "ConnectTimeoutException" } ||
            (t is SocketTimeoutException && t.message.orEmpty().contains("connect", ignoreCase = true))

    private fun isAlert(e: SSLException): Boolean = e.message.orEmpty().contains("fatal alert", ignoreCase = true)

    private fun tlsReason(e: Throwable): String {
        val message = e.message.orEmpty()
        return when {
            listOf("bad_certificate", "certificate_required", "unknown_ca", "access_denied", "certificate_unknown")
                .any { message.contains(it) } ->
                "the server rejected the client certificate, or required one and none was configured ($message)"
            else -> message.take(200).ifEmpty { e.javaClass.simpleName }
        }
    }

    private fun hostOf(server: String): String = runCatching { java.net.URI(server).host }.getOrNull() ?: server
}
