package io.kubekt.conformance.dynamic

import io.kubekt.api.GroupVersionResource
import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import io.kubekt.dynamic.Unstructured
import io.kubekt.test.KubeTestServer
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.nio.file.Path
import java.util.UUID

/**
 * A minimal stand-in for the conformance harness (until it is merged): kube-test started once
 * per JVM, or the real cluster KUBE_TEST_KUBECONFIG names; clients for it; unique names.
 */
object TestCluster {
    private const val TOKEN = "dynamic-conformance-token"
    private val realKubeconfig: Path? = System.getenv("KUBE_TEST_KUBECONFIG")?.takeIf { it.isNotEmpty() }?.let { Path.of(it) }

    /** The kube-test server, or null when the tests run against a real cluster. */
    val server: KubeTestServer? by lazy {
        if (realKubeconfig != null) null else KubeTestServer.start { token(TOKEN, "conformance", "system:masters") }
    }

    /** A new client of the cluster; close it. */
    fun client(): KubeClient {
        realKubeconfig?.let { return KubeClient { kubeconfig(it) } }
        val text = server!!.kubeconfigWithToken(TOKEN)
        return KubeClient(KubeconfigLoader.parse(text, Path.of("kube-test")).toClientConfig())
    }

    /** A unique lower-case suffix for names. */
    fun unique(): String = UUID.randomUUID().toString().replace("-", "").take(8)

    val NAMESPACES = GroupVersionResource("", "v1", "namespaces")
    val CRDS = GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions")

    /** Creates a namespace with a unique name starting with [prefix]. */
    suspend fun createNamespace(client: KubeClient, prefix: String): String {
        val name = "$prefix-${unique()}"
        client.dynamic(NAMESPACES).create(Unstructured { apiVersion("v1"); kind("Namespace"); name(name) })
        return name
    }

    /** Deletes a namespace without waiting for it to go. */
    suspend fun deleteNamespace(client: KubeClient, name: String) {
        runCatching { client.dynamic(NAMESPACES).delete(name) }
    }

    /**
     * A namespaced CRD `<plural>.<group>` with a status subresource, served in `v1`; created and
     * waited for until Established.
     */
    suspend fun createCrd(client: KubeClient, group: String, kind: String, plural: String, scope: String = "Namespaced"): Unstructured {
        val crd = Unstructured.parse(
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"$plural.$group"},
             "spec":{"group":"$group","scope":"$scope",
               "names":{"plural":"$plural","singular":"${kind.lowercase()}","kind":"$kind","shortNames":["${plural.take(3)}x"],"categories":["kubekt-test"]},
               "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
                 "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """.trimIndent(),
        )
        client.dynamic(CRDS).create(crd)
        return awaitEstablished(client, "$plural.$group")
    }

    private suspend fun awaitEstablished(client: KubeClient, name: String): Unstructured = withTimeout(60_000) {
        var crd = client.dynamic(CRDS).get(name)
        while (!established(crd)) {
            delay(200)
            crd = client.dynamic(CRDS).get(name)
        }
        crd
    }

    private fun established(crd: Unstructured): Boolean = (crd.at("status", "conditions") as? JsonArray).orEmpty().any {
        (it as? JsonObject)?.get("type") == JsonPrimitive("Established") && it["status"] == JsonPrimitive("True")
    }

    suspend fun deleteCrd(client: KubeClient, name: String) {
        runCatching { client.dynamic(CRDS).delete(name) }
    }
}
