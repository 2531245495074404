package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.test.KubeTestServer

/** A kube-test server seeded with a few namespaces, pods and deployments, for the tour. */
class EmbeddedCluster private constructor(val server: KubeTestServer) : AutoCloseable {
    val kubeconfig: String get() = server.kubeconfigWithToken(TOKEN)

    /** Creates the tour's objects through the client, as any user would. */
    suspend fun seed(client: KubeClient) {
        for (ns in listOf("demo", "staging")) {
            post(client, null, "namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"$ns"}}""")
        }
        val pods = listOf("kube-system" to "etcd-control-plane", "kube-system" to "coredns-7db6d8ff4d-x2kqp",
            "kube-system" to "kube-apiserver-control-plane", "default" to "web-0", "default" to "web-1", "demo" to "worker-0")
        for ((ns, name) in pods) {
            post(client, ns, "pods", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"$name","labels":{"app":"${name.substringBefore('-')}"}},
                "spec":{"containers":[{"name":"main","image":"registry.example/${name.substringBefore('-')}:1.0"}]}}""")
        }
        for (name in listOf("web", "api")) {
            post(client, "default", "deployments", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"$name"},
                "spec":{"replicas":2,"selector":{"matchLabels":{"app":"$name"}},"template":{"metadata":{"labels":{"app":"$name"}},
                "spec":{"containers":[{"name":"$name","image":"nginx:1.27"}]}}}}""", group = "apps")
        }
    }

    private suspend fun post(client: KubeClient, namespace: String?, resource: String, body: String, group: String = "") {
        val rest = if (group.isEmpty()) client.rest() else client.rest(group, "v1")
        val request = rest.post().resource(resource).body(body, "application/json")
        if (namespace != null) request.namespace(namespace)
        request.executeBytes()
    }

    override fun close() = server.stop()

    companion object {
        private const val TOKEN = "tour-token"

        fun start(): EmbeddedCluster =
            EmbeddedCluster(KubeTestServer.builder().token(TOKEN, "tour-user", "system:masters").start())
    }
}
