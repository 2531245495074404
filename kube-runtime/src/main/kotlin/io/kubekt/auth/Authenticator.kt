package io.kubekt.auth

import javax.net.ssl.X509KeyManager

/**
 * Supplies a request's credentials. One instance lives as long as its client and is called
 * concurrently from many requests.
 */
internal interface Authenticator : AutoCloseable {
    /** The `Authorization` header value for the next request, or null for none. */
    suspend fun authorization(): String?

    /**
     * Called after the server answered 401 to a request sent with [rejected]. Drops cached
     * credentials that may be stale (an exec plugin's result, a refreshed OIDC token) and returns
     * true when sending the request again may now succeed.
     */
    suspend fun onUnauthorized(rejected: String?): Boolean = false

    /** Client key material that may change over time (exec plugin certificates), or null. */
    val keyManager: X509KeyManager? get() = null

    override fun close() {}
}
