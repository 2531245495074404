package io.kubekt.test.support

import io.kotest.matchers.shouldBe

/** Request bodies and setup steps shared by the specs; names follow the recorded transcripts. */
object Fixtures {
    const val NS = "transcripts"
    const val CM = "/api/v1/namespaces/$NS/configmaps"
    const val DEPLOY = "/apis/apps/v1/namespaces/$NS/deployments"

    fun namespace(client: TestClient, name: String = NS) {
        client.post("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"$name"}}""").code shouldBe 201
    }

    fun configMap(name: String, labels: Map<String, String> = emptyMap(), data: String = "{}") =
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"$name","labels":{${labels.entries.joinToString(",") { "\"${it.key}\":\"${it.value}\"" }}}},"data":$data}"""

    fun createConfigMap(client: TestClient, name: String, labels: Map<String, String> = emptyMap(), ns: String = NS): Reply {
        val reply = client.post("/api/v1/namespaces/$ns/configmaps", configMap(name, labels))
        reply.code shouldBe 201
        return reply
    }

    const val DEPLOYMENT = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a:1"}]}}}}"""

    const val CRD = """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},"spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wd"]},"versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},"subresources":{"status":{}}}]}}"""
}
