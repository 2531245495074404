package io.kubekt.conformance.rest

import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.at
import io.kubekt.conformance.support.eventually
import io.kubekt.conformance.support.str
import io.kubekt.error.ApiException
import io.kubekt.request.PatchType
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonPrimitive

/** CustomResourceDefinitions: served with discovery once created, generation of custom resources, gone when deleted (transcripts 46-50). */
class CustomResourceSpec : ConformanceSpec({
    val plural = "widgets" + (1..6).map { ('a'..'z').random() }.joinToString("")
    val group = "conformance.kubekt.io"
    val crdName = "$plural.$group"
    val crd = """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"$crdName"},""" +
        """"spec":{"group":"$group","scope":"Namespaced","names":{"plural":"$plural","singular":"${plural.replaceFirst("widgets", "widget")}","kind":"Widget","shortNames":["${plural}s"]},""" +
        """"versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},""" +
        """"subresources":{"status":{}}}]}}"""
    val crds = { target.client.rest("apiextensions.k8s.io", "v1") }
    val widgets = { target.client.rest(group, "v1") }
    suspend fun discovery(): JsonElement? = try {
        target.client.rest().get().absPath("apis", group, "v1").executeJson()
    } catch (e: ApiException) {
        if (e.isNotFound) null else throw e
    }

    beforeSpec {
        val created = crds().post().resource("customresourcedefinitions").body(crd).executeJson()
        created.str("metadata.generation") shouldBe "1"
        created.str("spec.names.listKind") shouldBe "WidgetList"
        eventually<Any>("the CRD to be served") { discovery() }
    }
    afterSpec {
        runCatching { crds().delete().resource("customresourcedefinitions").name(crdName).executeJson() }
    }

    test("a created CRD is listed in discovery with its names, verbs and status subresource (transcript 47)") {
        val list = discovery()!!
        list.str("kind") shouldBe "APIResourceList"
        list.str("groupVersion") shouldBe "$group/v1"
        val resources = (list.at("resources") as JsonArray).map { it as JsonObject }
        val main = resources.single { it.str("name") == plural }
        main.str("kind") shouldBe "Widget"
        main.str("namespaced") shouldBe "true"
        (main["verbs"] as JsonArray).map { it.jsonPrimitive.content } shouldContainAll
            listOf("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch")
        (main["shortNames"] as JsonArray).map { it.jsonPrimitive.content } shouldContain "${plural}s"
        val status = resources.single { it.str("name") == "$plural/status" }
        (status["verbs"] as JsonArray).map { it.jsonPrimitive.content }.sorted() shouldBe listOf("get", "patch", "update")
        val groups = target.client.rest().get().absPath("apis").executeJson()
        (groups.at("groups") as JsonArray).map { it.str("name") } shouldContain group
    }

    test("a custom resource keeps unknown fields; its generation follows non-status changes (transcripts 48, 49)") {
        val created = widgets().post().namespace(namespace).resource(plural)
            .body("""{"apiVersion":"$group/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":1,"extra":{"deep":true}}}""").executeJson()
        created.str("metadata.generation") shouldBe "1"
        created.str("spec.extra.deep") shouldBe "true"
        val resized = widgets().patch(PatchType.MERGE).namespace(namespace).resource(plural).name("w1").body("""{"spec":{"size":2}}""").executeJson()
        resized.str("metadata.generation") shouldBe "2"
        val labelled = widgets().patch(PatchType.MERGE).namespace(namespace).resource(plural).name("w1").body("""{"metadata":{"labels":{"a":"b"}}}""").executeJson()
        labelled.str("metadata.generation") shouldBe "2"
        val viaStatus = widgets().patch(PatchType.MERGE).namespace(namespace).resource(plural).name("w1").subresource("status")
            .body("""{"status":{"ready":true},"spec":{"size":7}}""").executeJson()
        viaStatus.str("metadata.generation") shouldBe "2"
        viaStatus.str("status.ready") shouldBe "true"
        viaStatus.str("spec.size") shouldBe "2"
    }

    test("an update of a custom resource without a resourceVersion is 422 Invalid") {
        widgets().post().namespace(namespace).resource(plural).body("""{"apiVersion":"$group/v1","kind":"Widget","metadata":{"name":"w2"}}""").executeJson()
        val e = apiError {
            widgets().put().namespace(namespace).resource(plural).name("w2").body("""{"apiVersion":"$group/v1","kind":"Widget","metadata":{"name":"w2"},"spec":{}}""").executeJson()
        }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.details!!.causes!!.first().field shouldBe "metadata.resourceVersion"
    }

    test("a strategic merge patch of a custom resource is 415 UnsupportedMediaType (transcript 50)") {
        widgets().post().namespace(namespace).resource(plural).body("""{"apiVersion":"$group/v1","kind":"Widget","metadata":{"name":"w3"}}""").executeJson()
        val e = apiError { widgets().patch(PatchType.STRATEGIC_MERGE).namespace(namespace).resource(plural).name("w3").body("""{"spec":{"size":3}}""").executeJson() }
        e.code shouldBe 415
        e.reason shouldBe "UnsupportedMediaType"
        // A real server also lists application/apply-patch+yaml; kube-test will once server-side apply lands.
        e.status.message!! shouldStartWith "the body of the request was in an unknown format - accepted media types include: " +
            "application/json-patch+json, application/merge-patch+json"
    }

    test("deleting the CRD stops serving its resource and removes it from discovery") {
        crds().delete().resource("customresourcedefinitions").name(crdName).executeJson()
        eventually<Any>("the resource to stop being served", seconds = 60) {
            try {
                widgets().get().namespace(namespace).resource(plural).executeJson(); null
            } catch (e: ApiException) {
                if (e.isNotFound) e else throw e
            }
        }
        eventually<Any>("discovery to drop the group version", seconds = 60) { if (discovery() == null) true else null }
        discovery() shouldBe null
    }
})
