package io.kubekt.client

import io.kubekt.config.ClientConfig
import io.kubekt.config.ConfigOverrides
import io.kubekt.transport.HttpEngineFactory
import io.kubekt.transport.RetryConfig
import io.kubekt.transport.WarningHandler
import java.nio.file.Path
import java.time.Duration

/**
 * Collects what [KubeClient.create] and `KubeClient { }` resolve: kubectl-style overrides of the
 * kubeconfig (files, context, cluster, user, namespace, server), then client settings applied
 * over the resolved [ClientConfig] (rate limits, timeouts, retries, engine). Unset means "as
 * configured".
 *
 * Resolution is `ClientConfig.load`'s: explicit files, else `KUBECONFIG`, else `~/.kube/config`,
 * else the in-cluster service account (see `docs/decisions` of the config package).
 * Properties for Kotlin blocks; for Java, a fluent setter of the same name for each.
 */
public class KubeClientBuilder internal constructor() {
    private val kubeconfigs = mutableListOf<Path>()

    /** The context to use instead of `current-context` (kubectl `--context`). */
    public var context: String? = null

    /** The cluster entry to use instead of the context's (`--cluster`). */
    public var cluster: String? = null

    /** The user entry to use instead of the context's (`--user`). */
    public var user: String? = null

    /** The default namespace instead of the context's (`--namespace`). */
    public var namespace: String? = null

    /** The server URL instead of the cluster's (`--server`). */
    public var server: String? = null

    /** Client-side rate limit, requests per second (zero or less: no limit). */
    public var qps: Double? = null

    /** Client-side rate limit burst. */
    public var burst: Int? = null

    /** The limit on opening a connection. */
    public var connectTimeout: Duration? = null

    /** The limit on one request/response exchange (streams are exempt). */
    public var requestTimeout: Duration? = null

    /** How failed requests are retried. */
    public var retry: RetryConfig? = null

    /** The User-Agent header. */
    public var userAgent: String? = null

    /** Receives the server's Warning headers (default: each distinct warning logged once). */
    public var warningHandler: WarningHandler? = null

    /** The HTTP engine (default: chosen by measurement, see `docs/decisions`). */
    public var engine: HttpEngineFactory? = null

    /**
     * Reads this kubeconfig file instead of `KUBECONFIG` / `~/.kube/config` (kubectl
     * `--kubeconfig`). Call again to add files; they merge with kubectl's rules (first wins).
     */
    public fun kubeconfig(path: Path): KubeClientBuilder = apply { kubeconfigs.add(path) }

    /** As [kubeconfig] with a path string. */
    public fun kubeconfig(path: String): KubeClientBuilder = kubeconfig(Path.of(path))

    public fun context(value: String): KubeClientBuilder = apply { context = value }
    public fun cluster(value: String): KubeClientBuilder = apply { cluster = value }
    public fun user(value: String): KubeClientBuilder = apply { user = value }
    public fun namespace(value: String): KubeClientBuilder = apply { namespace = value }
    public fun server(value: String): KubeClientBuilder = apply { server = value }
    public fun qps(value: Double): KubeClientBuilder = apply { qps = value }
    public fun burst(value: Int): KubeClientBuilder = apply { burst = value }
    public fun connectTimeout(value: Duration): KubeClientBuilder = apply { connectTimeout = value }
    public fun requestTimeout(value: Duration): KubeClientBuilder = apply { requestTimeout = value }
    public fun retry(value: RetryConfig): KubeClientBuilder = apply { retry = value }
    public fun userAgent(value: String): KubeClientBuilder = apply { userAgent = value }
    public fun warningHandler(value: WarningHandler): KubeClientBuilder = apply { warningHandler = value }
    public fun engine(value: HttpEngineFactory): KubeClientBuilder = apply { engine = value }

    /**
     * Resolves the configuration and creates the client.
     *
     * @throws io.kubekt.error.ConfigException when no usable configuration is found; the message
     *   names the file and context.
     */
    public fun build(): KubeClient = KubeClient(resolve(ClientConfig::load))

    /** The configuration [loader] resolves for these overrides, with the client settings applied. */
    internal fun resolve(loader: (ConfigOverrides) -> ClientConfig): ClientConfig = applyTo(loader(overrides()))

    internal fun overrides(): ConfigOverrides = ConfigOverrides(
        kubeconfigPaths = kubeconfigs.toList(), context = context, cluster = cluster, user = user,
        namespace = namespace, server = server,
    )

    internal fun applyTo(config: ClientConfig): ClientConfig {
        val b = config.toBuilder()
        qps?.let { b.qps = it }
        burst?.let { b.burst = it }
        connectTimeout?.let { b.connectTimeout = it }
        requestTimeout?.let { b.requestTimeout = it }
        retry?.let { b.retry = it }
        userAgent?.let { b.userAgent = it }
        warningHandler?.let { b.warningHandler = it }
        engine?.let { b.engine = it }
        return b.build()
    }
}
