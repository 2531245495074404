package io.kubekt.conformance.dynamic

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.uniqueName
import io.kubekt.client.DeleteResult
import io.kubekt.dynamic.Unstructured
import io.kubekt.error.ApiException
import io.kubekt.request.DeleteOptions
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

class NamespacedDynamicSpec : ConformanceSpec({
    val configMaps = GroupVersionResource("", "v1", "configmaps")
    val pods = GroupVersionResource("", "v1", "pods")

    fun configMap(name: String, vararg data: Pair<String, String>) = Unstructured {
        apiVersion("v1"); kind("ConfigMap"); name(name); label("suite", "dynamic")
        put("data", JsonObject(data.associate { (k, v) -> k to JsonPrimitive(v) }))
    }

    test("create, get and getOrNull round-trip a ConfigMap as an unstructured object") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        val created = cms.create(configMap("one", "a" to "1"))
        created.namespace shouldBe namespace
        created.uid.shouldNotBeNull()
        created.resourceVersion.shouldNotBeNull()
        created.labels shouldBe mapOf("suite" to "dynamic")
        created.creationTimestamp.shouldNotBeNull()

        val read = cms.get("one")
        read.at("data", "a") shouldBe JsonPrimitive("1")
        read.uid shouldBe created.uid
        cms.getOrNull(uniqueName("missing")).shouldBeNull()
        shouldThrow<ApiException> { cms.get("missing") }.isNotFound shouldBe true
        shouldThrow<ApiException> { cms.create(configMap("one")) }.isAlreadyExists shouldBe true
    }

    test("list returns the namespace's objects, converts to the typed ConfigMapList and honours a label selector") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        cms.create(configMap("listed-a").edit { label("pick", "yes") })
        cms.create(configMap("listed-b"))
        val picked = cms.list(ListOptions(labelSelector = "pick=yes"))
        picked.items.map { it.name } shouldContainExactly listOf("listed-a")
        picked.items.single().kind shouldBe "ConfigMap"
        picked.resourceVersion.shouldNotBeNull()

        val typed: ConfigMapList = cms.list(ListOptions(labelSelector = "suite=dynamic")).to<ConfigMapList>()
        typed.items.map { it.metadata?.name } shouldContainAll listOf("listed-a", "listed-b")
        typed.items.first { it.metadata?.name == "listed-a" }.metadata?.labels shouldBe mapOf("suite" to "dynamic", "pick" to "yes")
    }

    test("a typed model converts to an unstructured object the server accepts") {
        val model = ConfigMap { metadata { name = "from-model" }; data = mapOf("k" to "v") }
        val created = client.dynamic(configMaps).namespace(namespace).create(Unstructured.from(model))
        created.kind shouldBe "ConfigMap"
        created.to<ConfigMap>().data shouldBe mapOf("k" to "v")
    }

    test("update replaces the object and a stale resourceVersion is a conflict") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        val created = cms.create(configMap("updated", "a" to "1"))
        val updated = cms.update(created.edit { put("data", JsonObject(mapOf("a" to JsonPrimitive("2")))) })
        updated.at("data", "a") shouldBe JsonPrimitive("2")
        updated.resourceVersion shouldNotBe created.resourceVersion
        shouldThrow<ApiException> { cms.update(created.edit { label("x", "y") }) }.isConflict shouldBe true
    }

    test("merge patch and JSON patch change the object") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        cms.create(configMap("patched", "a" to "1"))
        cms.patch("patched", PatchType.MERGE, """{"data":{"b":"2"}}""").at("data") shouldBe
            JsonObject(mapOf("a" to JsonPrimitive("1"), "b" to JsonPrimitive("2")))
        val patched = cms.patch("patched", PatchType.JSON, """[{"op":"replace","path":"/data/a","value":"9"}]""")
        patched.at("data", "a") shouldBe JsonPrimitive("9")
    }

    test("updateStatus writes the status subresource of a Pod and leaves its spec alone") {
        val podClient = client.dynamic(pods).namespace(namespace)
        val pod = Unstructured.parse(
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"status-pod"},
               "spec":{"nodeName":"kubekt-no-such-node","containers":[{"name":"c","image":"registry.k8s.io/pause:3.9"}]}}""",
        )
        val created = podClient.create(pod)
        val withStatus = created.edit {
            set(listOf("status", "conditions"), kotlinx.serialization.json.JsonArray(listOf(JsonObject(mapOf(
                "type" to JsonPrimitive("kubekt.io/Checked"), "status" to JsonPrimitive("True"),
            )))))
            set(listOf("metadata", "labels", "ignored"), JsonPrimitive("by-status"))
        }
        val updated = podClient.updateStatus(withStatus)
        updated.at("status", "conditions").toString() shouldContain "kubekt.io/Checked"
        updated.labels["ignored"].shouldBeNull()
        podClient.get("status-pod", subresource = "status").at("status", "conditions").toString() shouldContain "kubekt.io/Checked"
        podClient.delete("status-pod", DeleteOptions(gracePeriodSeconds = 0))
    }

    test("delete says the object is gone, and answers it still finalizing while a finalizer holds it") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        cms.create(configMap("gone"))
        cms.delete("gone").isGone shouldBe true
        cms.getOrNull("gone").shouldBeNull()

        cms.create(configMap("held").edit { finalizers(listOf("kubekt.io/hold")) })
        val held = cms.delete("held").shouldBeInstanceOf<DeleteResult.Finalizing<Unstructured>>().obj
        held.deletionTimestamp.shouldNotBeNull()
        held.finalizers shouldBe listOf("kubekt.io/hold")
        cms.patch("held", PatchType.MERGE, """{"metadata":{"finalizers":null}}""")
        cms.getOrNull("held").shouldBeNull()
    }

    test("deleteCollection deletes the selected objects only") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        cms.create(configMap("doomed-1").edit { label("doomed", "true") })
        cms.create(configMap("doomed-2").edit { label("doomed", "true") })
        cms.create(configMap("kept").edit { label("doomed", "false") })
        cms.deleteCollection(ListOptions(labelSelector = "doomed=true"))
        cms.list(ListOptions(labelSelector = "doomed")).items.map { it.name } shouldContainExactly listOf("kept")
    }

    test("watch delivers added, modified and deleted events from a list's resourceVersion") {
        val cms = client.dynamic(configMaps).namespace(namespace)
        val from = cms.list(ListOptions(labelSelector = "watched=yes")).resourceVersion
        coroutineScope {
            val events = async {
                withTimeout(30_000) { cms.watch(ListOptions(labelSelector = "watched=yes", resourceVersion = from)).take(3).toList() }
            }
            val created = cms.create(configMap("watched").edit { label("watched", "yes") })
            cms.patch("watched", PatchType.MERGE, """{"data":{"x":"1"}}""")
            cms.delete("watched")
            val got = events.await()
            got.map { it::class } shouldBe listOf(WatchEvent.Added::class, WatchEvent.Modified::class, WatchEvent.Deleted::class)
            (got[0] as WatchEvent.Added).obj.uid shouldBe created.uid
            (got[1] as WatchEvent.Modified).obj.at("data", "x") shouldBe JsonPrimitive("1")
        }
    }

    test("a namespaced resource needs a namespace or an explicit allNamespaces()") {
        shouldThrow<IllegalStateException> { client.dynamic(configMaps).list() }.message!! shouldContain "allNamespaces()"
        client.dynamic(configMaps).namespace(namespace).create(configMap("everywhere"))
        val all = client.dynamic(configMaps).allNamespaces().list()
        all.items.any { it.name == "everywhere" && it.namespace == namespace } shouldBe true
        shouldThrow<IllegalStateException> { client.dynamic(configMaps).allNamespaces().get("everywhere") }
    }
})
