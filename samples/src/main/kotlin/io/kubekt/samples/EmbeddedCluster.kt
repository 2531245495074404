package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.test.KubeTestServer

/**
 * A kube-test server seeded with a few namespaces, pods, deployments and a CRD with two objects, for the tour.
 * The tour also changes one Deployment of `default` while the informer and watch samples run ([churnDeployment]).
 */
class EmbeddedCluster private constructor(val server: KubeTestServer) : AutoCloseable {
    val kubeconfig: String get() = server.kubeconfigWithToken(TOKEN)

    /** Creates the tour's objects through the client, as any user would. */
    suspend fun seed(client: KubeClient) {
        for (ns in listOf("demo", "staging")) {
            post(client, null, "namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"$ns"}}""")
        }
        for ((ns, name) in SEEDED_PODS) {
            post(client, ns, "pods", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"$name","labels":{"app":"${name.substringBefore('-')}"}},
                "spec":{"containers":[{"name":"main","image":"registry.example/${name.substringBefore('-')}:1.0"}]}}""")
        }
        for ((ns, name) in SEEDED_DEPLOYMENTS) {
            post(client, ns, "deployments", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"$name","labels":{"app":"$name"}},
                "spec":{"replicas":2,"selector":{"matchLabels":{"app":"$name"}},"template":{"metadata":{"labels":{"app":"$name"}},
                "spec":{"containers":[{"name":"$name","image":"nginx:1.27"}]}}}}""", group = "apps")
        }
        seedCustomResources(client)
    }

    /** kube-dsl's test CRD, `cukclusters.dubhe.welkin` (namespaced, v1alpha1), and two of its objects. */
    private suspend fun seedCustomResources(client: KubeClient) {
        post(client, null, "customresourcedefinitions", """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
            "metadata":{"name":"cukclusters.dubhe.welkin"},"spec":{"group":"dubhe.welkin","scope":"Namespaced",
            "names":{"kind":"CukCluster","plural":"cukclusters","singular":"cukcluster","shortNames":["cuk"]},
            "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
            "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}""",
            group = "apiextensions.k8s.io")
        for ((name, size) in listOf("alpha" to 3, "beta" to 5)) {
            post(client, "default", "cukclusters", """{"apiVersion":"dubhe.welkin/v1alpha1","kind":"CukCluster",
                "metadata":{"name":"$name"},"spec":{"size":$size}}""", group = "dubhe.welkin", version = "v1alpha1")
        }
    }

    private suspend fun post(client: KubeClient, namespace: String?, resource: String, body: String,
                             group: String = "", version: String = "v1") {
        val rest = client.rest(group, version)
        val request = rest.post().resource(resource).body(body, "application/json")
        if (namespace != null) request.namespace(namespace)
        request.executeBytes()
    }

    override fun close() = server.stop()

    companion object {
        private const val TOKEN = "tour-token"

        /** The pods [seed] creates, as (namespace, name). */
        val SEEDED_PODS: List<Pair<String, String>> = listOf(
            "kube-system" to "etcd-control-plane", "kube-system" to "coredns-7db6d8ff4d-x2kqp",
            "kube-system" to "kube-apiserver-control-plane", "default" to "web-0", "default" to "web-1", "demo" to "worker-0",
        )

        /** The Deployments [seed] creates, as (namespace, name); each is labelled `app=<name>`. */
        val SEEDED_DEPLOYMENTS: List<Pair<String, String>> = listOf("default" to "web", "default" to "api", "demo" to "worker")

        fun start(): EmbeddedCluster =
            EmbeddedCluster(KubeTestServer.builder().token(TOKEN, "tour-user", "system:masters").start())
    }
}
