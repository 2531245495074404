package io.kubekt.auth

import java.net.Socket
import java.security.Principal
import java.security.PrivateKey
import java.security.cert.X509Certificate
import java.util.concurrent.CopyOnWriteArrayList
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLEngine
import javax.net.ssl.SSLSessionContext
import javax.net.ssl.X509ExtendedKeyManager

/**
 * A client-side key manager whose certificate can change while the client lives: each new TLS
 * handshake asks [sources] (in order; the first non-null wins) for the current material, so a
 * rotated exec plugin certificate or rewritten certificate files take effect on new connections.
 * Connections already open keep the identity they were made with.
 *
 * It is an [X509ExtendedKeyManager] because the JDK offers no certificate from a plain key manager
 * in `SSLEngine` handshakes (which the JDK HTTP client uses). The alias names one snapshot of the material, so a
 * handshake that rotates midway still gets a matching chain and key. The server's accepted key
 * types and issuers are not filtered on: like client-go, the client offers its one certificate
 * and JSSE itself skips it when the key type cannot be used.
 *
 * A resumed TLS session skips the key manager and keeps its old identity, so when the material
 * changes — noticed by [refresh] (called before each request) or by a handshake — the client
 * sessions of every [bind]-ed context are invalidated and the next connection does a full handshake.
 */
internal class DynamicKeyManager(private val sources: List<ClientKeySource>) : X509ExtendedKeyManager() {
    private val lock = Any()
    private var counter = 0L
    private var lastSeen: ClientKeyMaterial? = null
    private var observed = false
    private val sessionContexts = CopyOnWriteArrayList<SSLSessionContext>()

    /** Recently handed-out snapshots by alias, newest last; a few are kept for handshakes in flight. */
    private val recent = ArrayDeque<Pair<String, ClientKeyMaterial>>()

    /** The material the next handshake would present, or null. */
    fun current(): ClientKeyMaterial? = sources.firstNotNullOfOrNull { it.current() }

    /** Invalidates [context]'s client sessions whenever the material changes from now on. */
    fun bind(context: SSLContext) {
        sessionContexts.addIfAbsent(context.clientSessionContext)
    }

    /** Looks at the current material now, invalidating bound sessions if it changed. */
    fun refresh() {
        val material = current()
        synchronized(lock) { observe(material) }
    }

    override fun chooseClientAlias(keyType: Array<out String>?, issuers: Array<out Principal>?, socket: Socket?): String? {
        val material = current() ?: return null
        return aliasOf(material)
    }

    override fun chooseEngineClientAlias(keyType: Array<out String>?, issuers: Array<out Principal>?, engine: SSLEngine?): String? =
        chooseClientAlias(keyType, issuers, null)

    override fun getClientAliases(keyType: String?, issuers: Array<out Principal>?): Array<String>? =
        current()?.let { arrayOf(aliasOf(it)) }

    override fun getCertificateChain(alias: String?): Array<X509Certificate>? = lookup(alias)?.chain?.toTypedArray()

    override fun getPrivateKey(alias: String?): PrivateKey? = lookup(alias)?.key

    override fun getServerAliases(keyType: String?, issuers: Array<out Principal>?): Array<String>? = null

    override fun chooseServerAlias(keyType: String?, issuers: Array<out Principal>?, socket: Socket?): String? = null

    override fun toString(): String = "DynamicKeyManager(${sources.size} source(s))"

    private fun aliasOf(material: ClientKeyMaterial): String = synchronized(lock) {
        observe(material)
        recent.lastOrNull()?.takeIf { it.second === material }?.let { return it.first }
        val alias = "kubekt-client-${++counter}"
        recent.addLast(alias to material)
        while (recent.size > KEPT_SNAPSHOTS) recent.removeFirst()
        alias
    }

    private fun lookup(alias: String?): ClientKeyMaterial? = synchronized(lock) {
        recent.lastOrNull { it.first == alias }?.second
    }

    /** Called under [lock]. */
    private fun observe(material: ClientKeyMaterial?) {
        val previous = lastSeen
        val first = !observed
        lastSeen = material
        observed = true
        if (first || previous === material) return
        for (context in sessionContexts) {
            for (id in context.ids.toList()) context.getSession(id)?.invalidate()
        }
    }

    private companion object {
        const val KEPT_SNAPSHOTS = 4
    }
}
