package io.kubekt.conformance.rest

import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldMatch
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.at
import io.kubekt.conformance.support.str
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonPrimitive

/** Discovery: /version, /api, /apis, resource lists with subresources, aggregated discovery (transcripts 01-04). */
class DiscoverySpec : ConformanceSpec({
    fun get(vararg path: String) = rest.get().absPath(*path)
    fun resources(list: kotlinx.serialization.json.JsonElement) = (list.at("resources") as JsonArray).map { it as JsonObject }
    fun JsonObject.strings(key: String) = (this[key] as? JsonArray).orEmpty().map { it.jsonPrimitive.content }

    test("/version names the server's major, minor and gitVersion (transcript 01)") {
        val version = get("version").executeJson()
        version.str("major") shouldBe "1"
        version.str("minor")!! shouldMatch Regex("\\d+\\+?")
        version.str("gitVersion")!! shouldMatch Regex("v1\\.\\d+\\.\\d+.*")
        version.str("platform") shouldNotBe null
    }

    test("/api lists the core group version v1 (transcript 02)") {
        val api = get("api").executeJson()
        api.str("kind") shouldBe "APIVersions"
        (api.at("versions") as JsonArray).map { it.jsonPrimitive.content } shouldBe listOf("v1")
        (api.at("serverAddressByClientCIDRs") as JsonArray).size shouldNotBe 0
    }

    test("/apis lists the groups with their preferred versions (transcript 03)") {
        val apis = get("apis").executeJson()
        apis.str("kind") shouldBe "APIGroupList"
        val groups = (apis.at("groups") as JsonArray).map { it as JsonObject }
        groups.map { it.str("name") } shouldContainAll listOf("apps", "batch", "coordination.k8s.io", "rbac.authorization.k8s.io", "apiextensions.k8s.io")
        val apps = groups.single { it.str("name") == "apps" }
        apps.str("preferredVersion.groupVersion") shouldBe "apps/v1"
        apps.str("preferredVersion.version") shouldBe "v1"
    }

    test("/api/v1 describes core resources with names, verbs, short names and subresources") {
        val list = get("api", "v1").executeJson()
        list.str("kind") shouldBe "APIResourceList"
        list.str("groupVersion") shouldBe "v1"
        val byName = resources(list).associateBy { it.str("name") }
        val pods = byName["pods"]!!
        pods.str("singularName") shouldBe "pod"
        pods.str("namespaced") shouldBe "true"
        pods.str("kind") shouldBe "Pod"
        pods.strings("verbs") shouldContainAll listOf("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")
        pods.strings("shortNames") shouldBe listOf("po")
        pods.strings("categories") shouldContain "all"
        byName["pods/status"]!!.strings("verbs").sorted() shouldBe listOf("get", "patch", "update")
        byName["namespaces"]!!.str("namespaced") shouldBe "false"
        byName["configmaps"]!!.strings("shortNames") shouldBe listOf("cm")
        byName.keys shouldContainAll listOf("services", "endpoints", "secrets", "serviceaccounts", "nodes", "events")
    }

    test("/apis/apps/v1 describes deployments with the scale and status subresources (transcript 04)") {
        val byName = resources(get("apis", "apps", "v1").executeJson()).associateBy { it.str("name") }
        val deployments = byName["deployments"]!!
        deployments.str("kind") shouldBe "Deployment"
        deployments.strings("shortNames") shouldBe listOf("deploy")
        byName["deployments/scale"]!!.str("kind") shouldBe "Scale"
        byName["deployments/scale"]!!.str("group") shouldBe "autoscaling"
        byName["deployments/scale"]!!.str("version") shouldBe "v1"
        byName["deployments/status"] shouldNotBe null
        byName.keys shouldContainAll listOf("replicasets", "statefulsets", "daemonsets", "replicasets/scale", "statefulsets/scale")
    }

    test("aggregated discovery (v2) answers /apis as an APIGroupDiscoveryList when asked by Accept") {
        val doc = get("apis").header("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")
            .executeJson()
        doc.str("kind") shouldBe "APIGroupDiscoveryList"
        doc.str("apiVersion") shouldBe "apidiscovery.k8s.io/v2"
        val apps = (doc.at("items") as JsonArray).map { it as JsonObject }.single { it.str("metadata.name") == "apps" }
        val v1 = (apps.at("versions") as JsonArray).first() as JsonObject
        v1.str("version") shouldBe "v1"
        val deployments = (v1.at("resources") as JsonArray).map { it as JsonObject }.single { it.str("resource") == "deployments" }
        deployments.str("responseKind.kind") shouldBe "Deployment"
        deployments.str("scope") shouldBe "Namespaced"
        (deployments.at("subresources") as JsonArray).map { it.str("subresource") } shouldContainAll listOf("scale", "status")
    }

    test("an unknown group version is 404 NotFound") {
        val e = apiError { get("apis", "no.such.group", "v1").executeJson() }
        e.code shouldBe 404
    }
})
