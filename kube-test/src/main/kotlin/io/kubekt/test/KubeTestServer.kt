package io.kubekt.test

import io.kubekt.api.GroupVersionResource
import io.kubekt.config.ClientConfig
import io.kubekt.config.Credentials
import io.kubekt.config.PemSource
import io.kubekt.config.TlsConfig
import io.kubekt.test.core.Cluster
import io.kubekt.test.core.DirectAccess
import io.kubekt.test.discovery.Discovery
import io.kubekt.test.http.ApiHandler
import io.kubekt.test.http.Authentication
import io.kubekt.test.http.Authorization
import io.kubekt.test.http.NettyFront
import io.kubekt.test.http.ResourceEndpoints
import io.kubekt.test.http.UserInfo
import io.kubekt.test.http.WatchEndpoint
import io.kubekt.test.registry.BuiltinResources
import io.kubekt.test.registry.ResourceRegistry
import io.kubekt.test.tls.CertificateAuthority
import io.kubekt.test.watch.FaultState
import org.slf4j.LoggerFactory

/**
 * An in-memory Kubernetes API server on 127.0.0.1, reached over real HTTP(S) by real clients,
 * with the API server's semantics (resourceVersions, watches, paging, finalizers, ...) and
 * fault injection through [faults].
 *
 * Kotlin: `KubeTestServer.start { token("t", "alice") }.use { ... }`;
 * Java: `try (KubeTestServer server = KubeTestServer.start()) { ... }`.
 */
public class KubeTestServer internal constructor(settings: KubeTestServerBuilder) : AutoCloseable {
    private val log = LoggerFactory.getLogger(KubeTestServer::class.java)
    private val ca = CertificateAuthority()
    private val faultState = FaultState()
    private val registry = ResourceRegistry(BuiltinResources.all + settings.extraTypes)
    private val extraTypes = settings.extraTypes.toList()
    private val cluster = Cluster(registry, settings.historySize, ca.root.certificatePem)
    private val front: NettyFront

    /** Whether the server speaks TLS (HTTP/2 with HTTP/1.1 fallback). */
    public val https: Boolean = settings.https

    /** The bound port on 127.0.0.1. */
    public val port: Int

    /** Counts of the requests received, for assertions. */
    public val requests: RequestCounters = RequestCounters()

    /** Fault injection: failed requests, latency, dropped or stalled watches, compaction, restarts. */
    public val faults: Faults = Faults(faultState, { cluster.locked { cluster.store.compact() } }, ::restart)

    init {
        cluster.seed()
        val tokens = settings.tokens.mapValues { (_, v) -> UserInfo(v.first, v.second) }
        val serving = if (https) ca.issueServer(listOf("localhost", "127.0.0.1")) else null
        var address = "127.0.0.1:0"
        val discovery = Discovery(registry) { address }
        val watches = WatchEndpoint(cluster, faultState, { settings.bookmarkInterval }, settings.resourceVersionWait)
        val endpoints = ResourceEndpoints(cluster, watches, settings.resourceVersionWait)
        val handler = ApiHandler(
            cluster,
            Authentication(tokens, settings.anonymous),
            Authorization(settings.authorizer),
            faultState,
            requests,
            discovery,
            endpoints,
        )
        front = NettyFront(
            handler,
            settings.port,
            serving?.let { ca.keyStore(it) },
            if (https && settings.clientCertificates) ca.trustStore() else null,
        )
        port = front.start()
        address = "127.0.0.1:$port"
        log.info("kube-test API server listening on {}", url)
    }

    /** `https://127.0.0.1:<port>` (or `http://`). */
    public val url: String get() = "${if (https) "https" else "http"}://127.0.0.1:$port"

    private val direct by lazy { DirectAccess(cluster, url) }

    /** The PEM of the CA that signed the serving certificate and client certificates. */
    public val caCertificatePem: String get() = ca.root.certificatePem

    /** The client connections (TCP) open now, for assertions about connection use and leaks. */
    public fun openConnections(): Int = front.openConnections()

    /** The latest resourceVersion of the cluster. */
    public fun currentResourceVersion(): String = cluster.locked { cluster.store.resourceVersion.toString() }

    /** Issues a client certificate for [user] in [groups], signed by this server's CA. */
    @JvmOverloads
    public fun issueClientCertificate(user: String, groups: List<String> = emptyList()): ClientCertificate {
        val issued = ca.issueClient(user, groups)
        return ClientCertificate(user, groups, issued.certificatePem, issued.privateKeyPem)
    }

    /** A kubeconfig for this server that authenticates with bearer [token]. */
    public fun kubeconfigWithToken(token: String): String = KubeconfigText.render(url, caPem(), token, null)

    /** A kubeconfig for this server that authenticates [user] in [groups] with a fresh client certificate (HTTPS only). */
    @JvmOverloads
    public fun kubeconfigForUser(user: String, groups: List<String> = emptyList()): String {
        check(https) { "client certificates need an HTTPS kube-test server" }
        return KubeconfigText.render(url, caPem(), null, issueClientCertificate(user, groups))
    }

    /** A kubeconfig with no credentials: requests are anonymous. */
    public fun kubeconfigAnonymous(): String = KubeconfigText.render(url, caPem(), null, null)

    /**
     * A client configuration for this server with no credentials (requests are anonymous), trusting
     * its CA: `KubeClient(server.clientConfig())`. Derive changes with `toBuilder()`.
     */
    public fun clientConfig(): ClientConfig = clientConfig(Credentials.None, null, "anonymous")

    /** A client configuration for this server that authenticates with bearer [token] (see [KubeTestServerBuilder.token]). */
    public fun clientConfigWithToken(token: String): ClientConfig = clientConfig(Credentials.Token(token), null, "a bearer token")

    /** A client configuration for this server that authenticates [user] in [groups] with a fresh client certificate (HTTPS only). */
    @JvmOverloads
    public fun clientConfigForUser(user: String, groups: List<String> = emptyList()): ClientConfig {
        check(https) { "client certificates need an HTTPS kube-test server" }
        return clientConfig(Credentials.None, issueClientCertificate(user, groups), "a client certificate for $user")
    }

    private fun clientConfig(credentials: Credentials, certificate: ClientCertificate?, who: String): ClientConfig {
        val tls = TlsConfig(
            certificateAuthority = caPem()?.let { PemSource.Data(it.toByteArray()) },
            clientCertificate = certificate?.let { PemSource.Data(it.certificatePem.toByteArray()) },
            clientKey = certificate?.let { PemSource.Data(it.privateKeyPem.toByteArray()) },
        )
        return ClientConfig.builder().server(url).tls(tls).credentials(credentials)
            .source("kube-test server $url with $who").build()
    }

    /**
     * Creates an object without HTTP, with the same rules as a POST (validation, namespace checks,
     * events to open watches); returns it as JSON. Throws [io.kubekt.error.ApiException] carrying
     * the Status the server would answer. [namespace] is ignored for cluster-scoped resources.
     */
    public fun create(resource: GroupVersionResource, namespace: String?, json: String): String = direct.create(resource, namespace, json)

    /** The object as JSON, or null when it does not exist. */
    public fun getOrNull(resource: GroupVersionResource, namespace: String?, name: String): String? =
        direct.get(resource, namespace, name)

    /** Starts serving [type] (as a CRD would). */
    public fun register(type: ResourceType) {
        cluster.locked { registry.add(type) }
    }

    private fun caPem(): String? = if (https) caCertificatePem else null

    private fun restart(keepState: Boolean) {
        faultState.watches.forEach { it.drop() }
        front.closeConnections()
        if (!keepState) {
            cluster.locked {
                registry.all().filter { it.custom }.forEach { registry.remove(it.group, it.version, it.plural) }
                extraTypes.forEach { registry.add(it) }
                cluster.store.clear()
            }
            cluster.seed()
        }
        log.info("kube-test API server restarted (state {})", if (keepState) "kept" else "lost")
    }

    /** Stops the server and closes every connection. */
    public fun stop() {
        faultState.watches.forEach { it.drop() }
        front.closeConnections()
        front.stop()
    }

    override fun close(): Unit = stop()

    override fun toString(): String = "KubeTestServer($url)"

    public companion object {
        /** Starts a server with the default settings (HTTPS, anonymous access). */
        @JvmStatic
        public fun start(): KubeTestServer = builder().start()

        /** Settings for a server; finish with [KubeTestServerBuilder.start]. */
        @JvmStatic
        public fun builder(): KubeTestServerBuilder = KubeTestServerBuilder()

        /** Kotlin: configures and starts a server. */
        @JvmSynthetic
        public fun start(configure: KubeTestServerBuilder.() -> Unit): KubeTestServer = builder().apply(configure).start()
    }
}
