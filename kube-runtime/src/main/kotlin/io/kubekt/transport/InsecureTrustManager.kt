package io.kubekt.transport

import java.net.Socket
import java.security.cert.X509Certificate
import javax.net.ssl.SSLEngine
import javax.net.ssl.X509ExtendedTrustManager

/** Accepts any server certificate: only for kubeconfigs that set `insecure-skip-tls-verify: true`. */
internal object InsecureTrustManager : X509ExtendedTrustManager() {
    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}
    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String, socket: Socket?) {}
    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String, engine: SSLEngine?) {}
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String): Unit = refuse()
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String, socket: Socket?): Unit = refuse()
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String, engine: SSLEngine?): Unit = refuse()
    override fun getAcceptedIssuers(): Array<X509Certificate> = emptyArray()

    private fun refuse(): Nothing = throw java.security.cert.CertificateException("not a server-side trust manager")
}
