package io.kubekt.client

import io.kubekt.auth.Authenticators
import io.kubekt.api.GroupVersionResource
import io.kubekt.config.ClientConfig
import io.kubekt.discovery.DiscoveryCache
import io.kubekt.discovery.DiscoveryClient
import io.kubekt.discovery.MemoryCache
import io.kubekt.dynamic.DynamicResource
import io.kubekt.dynamic.DynamicScope
import io.kubekt.transport.HttpTransport
import io.kubekt.transport.RequestExecutor
import kotlinx.coroutines.CoroutineExceptionHandler
import kotlinx.coroutines.CoroutineName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import org.slf4j.LoggerFactory
import java.util.concurrent.atomic.AtomicBoolean

/**
 * The entry point: one API server, its configuration, connections and credentials.
 *
 * ```kotlin
 * val client = KubeClient()                                        // kubeconfig or in-cluster
 * val other = KubeClient { kubeconfig("/path/config"); context = "staging"; qps = 50.0 }
 * ```
 * ```java
 * KubeClient client = KubeClient.create();
 * KubeClient other = KubeClient.builder().kubeconfig(Path.of("/path/config")).context("staging").build();
 * ```
 * Thread-safe; make one per server and share it. [close] releases its connections and stops
 * what runs on its behalf (futures and streams started from Java); calls after that throw
 * [IllegalStateException].
 */
public class KubeClient internal constructor(
    /** The resolved configuration this client uses. */
    public val config: ClientConfig,
    internal val executor: RequestExecutor,
) : AutoCloseable {
    /** A client for [config]: its credentials are resolved now, connections are made on demand. */
    public constructor(config: ClientConfig) : this(config, transportFor(config))

    private val closed = AtomicBoolean(false)

    /**
     * Where the Java face's futures and streams run: owned by this client, cancelled by [close].
     * Kotlin suspend calls run in the caller's coroutine instead.
     */
    internal val scope: CoroutineScope = CoroutineScope(
        SupervisorJob() + Dispatchers.IO + CoroutineName("kubekt ${config.server}") +
            CoroutineExceptionHandler { _, e -> log.debug("background call of {} failed", config.server, e) },
    )

    internal val bridge: CoroutineBridge = CoroutineBridge(scope)

    /** The namespace calls use when they name none (from the kubeconfig context, or `default`). */
    public val namespace: String get() = config.namespace

    /** True once [close] was called. */
    public val isClosed: Boolean get() = closed.get()

    /** The raw REST client for the core group, `/api/v1`; requests may switch group with `groupVersion`. */
    public fun rest(): RestClient = RestClient(this, "", "v1")

    /** The raw REST client for [group]/[version] (`/apis/{group}/{version}`; `""` is the core group). */
    public fun rest(group: String, version: String): RestClient = RestClient(this, group, version)

    // --- dynamic client and discovery (io.kubekt.dynamic, io.kubekt.discovery) ---

    private val defaultDiscovery: DiscoveryClient by lazy { DiscoveryClient(this, MemoryCache()) }

    /**
     * The dynamic client for [resource] over unstructured objects; for a namespaced resource
     * choose `namespace(ns)` or `allNamespaces()` on it.
     */
    public fun dynamic(resource: GroupVersionResource): DynamicResource = DynamicResource(this, resource, DynamicScope.Cluster)

    /** This client's discovery, cached in memory (one instance per client, shared by its dynamic clients). */
    public fun discovery(): DiscoveryClient = defaultDiscovery

    /** A discovery client with its own [cache], e.g. `DiskCache(ttl = 60.minutes)`. */
    public fun discovery(cache: DiscoveryCache): DiscoveryClient = DiscoveryClient(this, cache)

    // --- end of dynamic client and discovery ---

    /** Closes connections, cancels running futures and streams. Idempotent. */
    override fun close() {
        if (!closed.compareAndSet(false, true)) return
        log.debug("closing client for {}", config.server)
        scope.cancel("KubeClient for ${config.server} closed")
        executor.close()
    }

    internal fun checkOpen() {
        check(!closed.get()) { "this KubeClient for ${config.server} is closed" }
    }

    override fun toString(): String = "KubeClient(${config.server}, namespace=${config.namespace})"

    public companion object {
        private val log = LoggerFactory.getLogger(KubeClient::class.java)

        /** A client configured by default resolution: see [KubeClientBuilder]. */
        @JvmStatic
        public fun create(): KubeClient = KubeClientBuilder().build()

        /** A client for [config]. */
        @JvmStatic
        public fun create(config: ClientConfig): KubeClient = KubeClient(config)

        /** A builder for overrides (kubeconfig files, context, namespace) and client settings. */
        @JvmStatic
        public fun builder(): KubeClientBuilder = KubeClientBuilder()

        private fun transportFor(config: ClientConfig): RequestExecutor {
            val authenticator = Authenticators.forConfig(config)
            return try {
                HttpTransport(config, authenticator)
            } catch (e: Throwable) {
                authenticator.close()
                throw e
            }
        }
    }
}

/**
 * A client configured by default resolution with the settings of [block]:
 * `KubeClient()` or `KubeClient { context = "staging" }`. See [KubeClientBuilder].
 */
@JvmSynthetic
public fun KubeClient(block: KubeClientBuilder.() -> Unit = {}): KubeClient = KubeClientBuilder().apply(block).build()
