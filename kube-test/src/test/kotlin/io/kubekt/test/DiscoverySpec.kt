package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.shouldBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.at
import io.kubekt.test.support.str
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject

private fun JsonObject.resources(): Map<String, JsonObject> =
    (at("resources") as JsonArray).associate { (it as JsonObject).str("name")!! to it }

class DiscoverySpec : FunSpec({
    val server = KubeTestServer.start()
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)

    test("/version answers the version fields in a real server's order") {
        client.get("/version").json.keys.toList() shouldBe
            listOf("major", "minor", "gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion", "compiler", "platform")
    }

    test("/api lists v1 with the server address") {
        val api = client.get("/api").json
        api.str("kind") shouldBe "APIVersions"
        api.at("versions").toString() shouldBe "[\"v1\"]"
        api.str("serverAddressByClientCIDRs.0.serverAddress") shouldBe "127.0.0.1:${server.port}"
    }

    test("/apis lists the served groups with preferred versions") {
        val groups = (client.get("/apis").json.at("groups") as JsonArray).map { (it as JsonObject).str("name") }
        groups shouldContain "apps"
        groups shouldContain "batch"
        groups shouldContain "rbac.authorization.k8s.io"
        client.get("/apis/apps").json.str("preferredVersion.groupVersion") shouldBe "apps/v1"
    }

    test("/apis/apps/v1 lists resources with subresources as a real server does") {
        val list = client.get("/apis/apps/v1").json
        list.str("kind") shouldBe "APIResourceList"
        list.str("groupVersion") shouldBe "apps/v1"
        val resources = list.resources()
        resources["deployments"]!!.at("shortNames").toString() shouldBe "[\"deploy\"]"
        resources["deployments"]!!.at("categories").toString() shouldBe "[\"all\"]"
        resources["deployments"]!!.at("verbs").toString() shouldBe
            """["create","delete","deletecollection","get","list","patch","update","watch"]"""
        val scale = resources["deployments/scale"]!!
        scale.str("group") shouldBe "autoscaling"
        scale.str("kind") shouldBe "Scale"
        resources["daemonsets/status"]!!.at("verbs").toString() shouldBe """["get","patch","update"]"""
        resources.keys shouldNotContain "daemonsets/scale"
    }

    test("/api/v1 lists the core resources with scope") {
        val resources = client.get("/api/v1").json.resources()
        resources["pods"]!!.str("namespaced") shouldBe "true"
        resources["namespaces"]!!.str("namespaced") shouldBe "false"
        resources["pods/status"]!!.str("kind") shouldBe "Pod"
    }

    test("aggregated discovery v2 is served when the Accept header asks for it") {
        val accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
        val reply = client.get("/apis", accept = accept)
        reply.code shouldBe 200
        reply.header("content-type")!!.replace(" ", "") shouldBe "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
        reply.json.str("kind") shouldBe "APIGroupDiscoveryList"
        val apps = (reply.json.at("items") as JsonArray).map { it as JsonObject }.single { it.str("metadata.name") == "apps" }
        val deployments = (apps.at("versions.0.resources") as JsonArray).map { it as JsonObject }.single { it.str("resource") == "deployments" }
        deployments.str("scope") shouldBe "Namespaced"
        deployments.str("responseKind.kind") shouldBe "Deployment"
        deployments.str("subresources.1.responseKind.kind") shouldBe "Scale"
        val core = client.get("/api", accept = accept).json
        core.str("items.0.metadata.name") shouldBe ""
        client.get("/apis").json.str("kind") shouldBe "APIGroupList"
    }

    test("an unknown group version is 404") {
        client.get("/apis/nothing.example.com/v1").code shouldBe 404
    }

    test("creating a CRD serves its resource, in discovery too; deleting it stops serving") {
        val crd = client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Fixtures.CRD)
        crd.code shouldBe 201
        crd.json.str("metadata.generation") shouldBe "1"
        crd.json.str("spec.names.listKind") shouldBe "WidgetList"
        client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
            .json.str("status.conditions.1.type") shouldBe "Established"

        val resources = client.get("/apis/example.com/v1").json.resources()
        resources["widgets"]!!.at("verbs").toString() shouldBe """["delete","deletecollection","get","list","patch","create","update","watch"]"""
        resources["widgets"]!!.str("singularName") shouldBe "widget"
        resources["widgets/status"]!!.str("kind") shouldBe "Widget"

        val widgets = "/apis/example.com/v1/namespaces/${Fixtures.NS}/widgets"
        val created = client.post(widgets, """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":1}}""")
        created.code shouldBe 201
        created.json.keys.toList() shouldBe listOf("apiVersion", "kind", "metadata", "spec")
        created.json.str("metadata.generation") shouldBe "1"
        client.patch("$widgets/w1", """{"spec":{"size":2}}""").json.str("metadata.generation") shouldBe "2"
        client.patch("$widgets/w1", """{"metadata":{"labels":{"a":"b"}}}""").json.str("metadata.generation") shouldBe "2"
        client.get(widgets).json.str("items.0.kind") shouldBe "Widget"

        client.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com").code shouldBe 200
        client.get(widgets).code shouldBe 404
        client.get("/apis/example.com/v1").code shouldBe 404
    }
})
