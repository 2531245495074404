package io.kubekt.auth

import javax.net.ssl.SSLContext
import javax.net.ssl.X509KeyManager

/**
 * Supplies a request's credentials. One instance lives as long as its client and is called
 * concurrently from many requests.
 */
internal interface Authenticator : AutoCloseable {
    /**
     * The `Authorization` header value for the next request, or null for none. Call it before every
     * request, also when it returns null: it is also when a changed client certificate is noticed.
     */
    suspend fun authorization(): String?

    /**
     * Called after the server answered 401 to a request sent with [rejected]. Drops cached
     * credentials that may be stale (an exec plugin's result, a refreshed OIDC token) and returns
     * true when sending the request again may now succeed.
     */
    suspend fun onUnauthorized(rejected: String?): Boolean = false

    /** Client key material that may change over time (exec plugin certificates), or null. */
    val keyManager: X509KeyManager? get() = null

    /**
     * Tells this authenticator the TLS context the transport built on [keyManager]. When the client
     * certificate changes, the context's cached client sessions are invalidated: a resumed TLS
     * session keeps the identity it was made with, so without this a rotated certificate would
     * not reach the server until the old sessions expire. A no-op without a [keyManager].
     */
    fun bindTlsContext(context: SSLContext) {}

    override fun close() {}
}
