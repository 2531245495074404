package io.kubekt.test.http

import io.kubekt.test.api.Statuses
import io.kubekt.test.tls.CertificateAuthority
import java.security.cert.X509Certificate

/**
 * The API server's authenticators in its order: a bearer token (an unknown one is 401 even when
 * anonymous access is on), then a client certificate signed by the server's CA, then anonymous.
 */
internal class Authentication(
    private val tokens: Map<String, UserInfo>,
    private val anonymous: Boolean,
) {
    fun authenticate(authorization: String?, peer: X509Certificate?): UserInfo {
        if (authorization != null && authorization.startsWith("Bearer ", ignoreCase = true)) {
            val token = authorization.substring(7).trim()
            val user = tokens[token] ?: throw Statuses.unauthorized()
            return user.copy(groups = user.groups + "system:authenticated")
        }
        if (peer != null) {
            val (name, groups) = CertificateAuthority.identityOf(peer)
            return UserInfo(name, groups + "system:authenticated")
        }
        if (anonymous) return UserInfo.ANONYMOUS
        throw Statuses.unauthorized()
    }
}
