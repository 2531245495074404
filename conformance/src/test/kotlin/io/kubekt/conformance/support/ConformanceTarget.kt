package io.kubekt.conformance.support

import io.kubekt.client.KubeClient
import io.kubekt.config.ClientConfig
import io.kubekt.config.ConfigOverrides
import io.kubekt.test.Authorizer
import io.kubekt.test.KubeTestServer
import org.slf4j.LoggerFactory
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * The API server this test run talks to, chosen once per JVM: a real cluster when the
 * `KUBE_TEST_KUBECONFIG` environment variable (or system property) names a kubeconfig, else a
 * kube-test server started on first use and stopped when the JVM exits.
 *
 * The kube-test server is configured for the suite: bookmarks every [BOOKMARK_INTERVAL], a short
 * wait for future resourceVersions, the admin token [ADMIN_TOKEN] (used by [client]) and a
 * restricted user `viewer` ([VIEWER_TOKEN]) who may only read namespaces, as transcript 51's viewer.
 */
class ConformanceTarget private constructor(
    /** The kube-test server, or null on a real cluster. */
    val server: KubeTestServer?,
    /** The configuration [client] uses; derive others (no retries, other credentials) with `toBuilder()`. */
    val config: ClientConfig,
) {
    /** The shared client for this target. Do not close it. */
    val client: KubeClient = KubeClient(config)

    /** True when the target is kube-test (fault injection and counters available). */
    val isKubeTest: Boolean get() = server != null

    /** A description for logs: `kube-test https://127.0.0.1:port` or the cluster's server URL. */
    val description: String = if (server != null) "kube-test ${server.url}" else "real cluster ${config.server}"

    /** A new client for this target with [change]s to the configuration; the caller closes it. */
    fun newClient(change: ClientConfig.Builder.() -> Unit): KubeClient = KubeClient(config.toBuilder().apply(change).build())

    companion object {
        const val ENV = "KUBE_TEST_KUBECONFIG"
        const val ADMIN_TOKEN = "conformance-admin-token"
        const val VIEWER_TOKEN = "conformance-viewer-token"
        val BOOKMARK_INTERVAL: Duration = Duration.ofMillis(500)
        private val log = LoggerFactory.getLogger(ConformanceTarget::class.java)

        /** The target of this JVM, created on first use. */
        val current: ConformanceTarget by lazy { create() }

        private fun create(): ConformanceTarget {
            val kubeconfig = System.getenv(ENV)?.takeIf { it.isNotBlank() } ?: System.getProperty(ENV)?.takeIf { it.isNotBlank() }
            val target = if (kubeconfig != null) realCluster(Path.of(kubeconfig)) else kubeTest()
            log.warn("conformance suite runs against {}", target.description)
            return target
        }

        private fun realCluster(path: Path): ConformanceTarget {
            require(Files.isRegularFile(path)) { "$ENV names $path, which is not a file" }
            return ConformanceTarget(null, ClientConfig.load(ConfigOverrides(kubeconfigPaths = listOf(path))))
        }

        private fun kubeTest(): ConformanceTarget {
            val server = KubeTestServer.builder()
                .token(ADMIN_TOKEN, "conformance-admin", "system:masters")
                .token(VIEWER_TOKEN, "viewer")
                .authorize(Authorizer { it.user != "viewer" || (it.resource == "namespaces" && it.verb == "get") || !it.isResourceRequest })
                .bookmarkInterval(BOOKMARK_INTERVAL)
                .resourceVersionWait(Duration.ofSeconds(1))
                .start()
            Runtime.getRuntime().addShutdownHook(Thread { server.close() })
            return ConformanceTarget(server, server.clientConfigWithToken(ADMIN_TOKEN))
        }
    }
}
