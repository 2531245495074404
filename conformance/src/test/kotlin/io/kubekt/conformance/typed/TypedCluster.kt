package io.kubekt.conformance.typed

import io.kubekt.api.core.v1.Namespace
import io.kubekt.client.KubeClient
import io.kubekt.test.KubeTestServer
import java.nio.file.Files
import java.nio.file.Path
import java.util.UUID

/**
 * The cluster the typed-client specs run against: a real one when KUBE_TEST_KUBECONFIG names a
 * kubeconfig, else one kube-test server started for the whole run. A minimal private stand-in
 * until the shared conformance harness (support/) lands; the lead reconciles the two.
 */
internal object TypedCluster {
    private val server: KubeTestServer? by lazy {
        if (System.getenv("KUBE_TEST_KUBECONFIG") != null) null
        else KubeTestServer.start { token("conformance", "conformance-admin") }.also { s -> Runtime.getRuntime().addShutdownHook(Thread { s.close() }) }
    }

    /** True when the specs run against kube-test (fault injection and kube-test-only checks may run). */
    val isKubeTest: Boolean get() = server != null

    /** A client with no client-side rate limit (paging specs create over a thousand objects). */
    val client: KubeClient by lazy {
        val path = System.getenv("KUBE_TEST_KUBECONFIG")?.let { Path.of(it) } ?: run {
            val file = Files.createTempFile("kubekt-typed", ".kubeconfig")
            file.toFile().deleteOnExit()
            Files.writeString(file, server!!.kubeconfigWithToken("conformance"))
        }
        KubeClient { kubeconfig(path); qps = 0.0 }
    }

    /** Creates a namespace of its own for one spec: `typed-<prefix>-<random>`. */
    suspend fun freshNamespace(prefix: String): String {
        val name = "typed-$prefix-${UUID.randomUUID().toString().take(8)}"
        client.coreV1().namespaces().create(Namespace { metadata { this.name = name } })
        return name
    }

    /** Deletes a namespace made by [freshNamespace] (its objects go with it). */
    suspend fun dropNamespace(name: String) {
        client.coreV1().namespaces().delete(name)
    }
}
