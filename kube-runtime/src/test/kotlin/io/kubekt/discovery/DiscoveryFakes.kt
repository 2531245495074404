package io.kubekt.discovery

import io.kubekt.client.FakeCluster
import io.kubekt.client.FakeExecutor
import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import io.kubekt.transport.KubeResponse
import java.util.concurrent.CopyOnWriteArrayList

/** Fake servers answering discovery from recorded documents: legacy (a 1.19 server) or aggregated v2. */
object DiscoveryFakes {
    private fun resource(name: String): String =
        DiscoveryFakes::class.java.getResourceAsStream("/io/kubekt/discovery/$name")!!.readAllBytes().decodeToString()

    const val AGGREGATED_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    val CORE_V1 = """{"kind":"APIResourceList","groupVersion":"v1","resources":[
        {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list"],"shortNames":["po"],"categories":["all"]},
        {"name":"pods/status","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]},
        {"name":"nodes","singularName":"node","namespaced":false,"kind":"Node","verbs":["get"],"shortNames":["no"]}]}"""

    val AGGREGATED_CORE = """{"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[{"metadata":{"name":""},
        "versions":[{"version":"v1","freshness":"Current","resources":[
          {"resource":"pods","responseKind":{"group":"","version":"v1","kind":"Pod"},"scope":"Namespaced","singularResource":"pod",
           "verbs":["get","list"],"shortNames":["po"],"categories":["all"],
           "subresources":[{"subresource":"status","responseKind":{"group":"","version":"v1","kind":"Pod"},"verbs":["get"]}]}]}]}]}"""

    val AGGREGATED_APIS = """{"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
        {"metadata":{"name":"apps"},"versions":[{"version":"v1","freshness":"Current","resources":[
          {"resource":"deployments","responseKind":{"group":"apps","version":"v1","kind":"Deployment"},"scope":"Namespaced",
           "singularResource":"deployment","verbs":["get"],"shortNames":["deploy"],"categories":["all"],
           "subresources":[{"subresource":"scale","responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},"verbs":["get"]}]}]}]},
        {"metadata":{"name":"example.com"},"versions":[
          {"version":"v2","freshness":"Current","resources":[{"resource":"widgets","responseKind":{"group":"example.com","version":"v2","kind":"Widget"},"scope":"Cluster","singularResource":"widget","verbs":["get"]}]},
          {"version":"v1","freshness":"Stale","resources":[]}]}]}"""

    val EXAMPLE_V1 = """{"kind":"APIResourceList","groupVersion":"example.com/v1","resources":[
        {"name":"widgets","singularName":"widget","namespaced":false,"kind":"Widget","verbs":["get"]},
        {"name":"gizmos","singularName":"gizmo","namespaced":true,"kind":"Gizmo","verbs":["get"]}]}"""

    private fun ok(body: String, type: String = "application/json") = KubeResponse(200, mapOf("content-type" to listOf(type)), body.toByteArray())
    /** What the transport throws for a 404 answer. */
    private fun notFound(r: KubeRequest): Nothing =
        throw ApiException(Status { code = 404; reason = "NotFound"; status = "Failure" }, r.method, r.path, FakeCluster.SERVER)

    /** A server without aggregated discovery (a 1.19 server): `/api`, `/apis`, `/api/v1`, `/apis/apps/v1`; other group versions 404. */
    fun legacy(seen: MutableList<String> = CopyOnWriteArrayList()): FakeCluster = FakeCluster(FakeExecutor(respond = { r: KubeRequest ->
        seen += r.path
        when (r.path) {
            "/api" -> ok(resource("legacy-api.json"))
            "/apis" -> ok(resource("legacy-apis.json"))
            "/api/v1" -> ok(CORE_V1)
            "/apis/apps/v1" -> ok(resource("legacy-apps-v1.json"))
            else -> notFound(r)
        }
    }))

    /** A server with aggregated discovery v2; `example.com/v1` is stale and answered by its legacy endpoint. */
    fun aggregated(seen: MutableList<String> = CopyOnWriteArrayList()): FakeCluster = FakeCluster(FakeExecutor(respond = { r: KubeRequest ->
        seen += r.path
        val accept = r.headers.entries.firstOrNull { it.key.equals("Accept", true) }?.value.orEmpty()
        when {
            r.path == "/version" -> ok("""{"major":"1","minor":"33","gitVersion":"v1.33.1"}""")
            r.path == "/api" && "as=APIGroupDiscoveryList" in accept -> ok(AGGREGATED_CORE, AGGREGATED_TYPE)
            r.path == "/apis" && "as=APIGroupDiscoveryList" in accept -> ok(AGGREGATED_APIS, AGGREGATED_TYPE)
            r.path == "/apis/example.com/v1" -> ok(EXAMPLE_V1)
            else -> notFound(r)
        }
    }))
}
