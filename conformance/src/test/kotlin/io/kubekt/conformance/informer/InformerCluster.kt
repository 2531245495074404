package io.kubekt.conformance.informer

import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import io.kubekt.test.KubeTestServer
import java.nio.file.Path
import java.util.UUID

/**
 * A minimal private stand-in for the conformance harness (until it is merged): kube-test started
 * once per JVM, or the real cluster KUBE_TEST_KUBECONFIG names.
 */
internal object InformerCluster {
    private const val TOKEN = "informer-conformance-token"
    private val realKubeconfig: Path? = System.getenv("KUBE_TEST_KUBECONFIG")?.takeIf { it.isNotEmpty() }?.let { Path.of(it) }

    /** The kube-test server, or null against a real cluster (fault injection is then skipped). */
    val server: KubeTestServer? by lazy {
        if (realKubeconfig != null) null else KubeTestServer.start { token(TOKEN, "conformance", "system:masters") }
    }

    /** A new client of the cluster; close it. */
    fun client(): KubeClient {
        realKubeconfig?.let { return KubeClient { kubeconfig(it) } }
        return KubeClient(KubeconfigLoader.parse(server!!.kubeconfigWithToken(TOKEN), Path.of("kube-test")).toClientConfig())
    }

    /** A unique lower-case suffix for names and labels. */
    fun unique(): String = UUID.randomUUID().toString().replace("-", "").take(8)
}
