package io.kubekt.transport

import io.kubekt.auth.Authenticator
import io.kubekt.testing.Issued
import java.security.KeyStore
import java.util.concurrent.atomic.AtomicInteger
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.X509KeyManager

/**
 * A test [Authenticator]: a static bearer token that [onUnauthorized] may swap for [refreshedToken],
 * and optionally a client certificate as a key manager.
 */
internal class TestAuthenticator(
    @Volatile private var token: String? = null,
    private val refreshedToken: String? = null,
    client: Issued? = null,
) : Authenticator {
    val unauthorizedCalls = AtomicInteger()
    val rejected = mutableListOf<String?>()

    override suspend fun authorization(): String? = token?.let { "Bearer $it" }

    override suspend fun onUnauthorized(rejected: String?): Boolean {
        unauthorizedCalls.incrementAndGet()
        this.rejected += rejected
        if (refreshedToken == null || refreshedToken == token) return false
        token = refreshedToken
        return true
    }

    override val keyManager: X509KeyManager? = client?.let { keyManagerFor(it) }

    companion object {
        fun keyManagerFor(client: Issued): X509KeyManager {
            val store = KeyStore.getInstance("PKCS12").apply {
                load(null, null)
                setKeyEntry("client", client.privateKey, CharArray(0), arrayOf(client.certificate))
            }
            val factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).apply { init(store, CharArray(0)) }
            return factory.keyManagers.filterIsInstance<X509KeyManager>().first()
        }
    }
}
