package io.kubekt.dynamic

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.core.v1.PodList
import kotlinx.serialization.json.JsonPrimitive
import java.time.Instant

private const val POD = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"team-a","uid":"u-1",
"resourceVersion":"42","generation":3,"labels":{"app":"web"},"annotations":{"note":"x"},"finalizers":["kubekt.io/f"],
"creationTimestamp":"2026-01-02T03:04:05Z","deletionTimestamp":"2026-01-02T04:00:00Z",
"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1","uid":"rs-1","controller":true}]},
"spec":{"containers":[{"name":"app","image":"nginx"}]},"status":{"phase":"Running"}}"""

class UnstructuredSpec : FunSpec({
    test("metadata accessors read the JSON object") {
        val pod = Unstructured.parse(POD)
        pod.apiVersion shouldBe "v1"
        pod.kind shouldBe "Pod"
        pod.groupVersionKind shouldBe GroupVersionKind("", "v1", "Pod")
        pod.name shouldBe "web"
        pod.namespace shouldBe "team-a"
        pod.uid shouldBe "u-1"
        pod.resourceVersion shouldBe "42"
        pod.generation shouldBe 3L
        pod.labels shouldBe mapOf("app" to "web")
        pod.annotations shouldBe mapOf("note" to "x")
        pod.finalizers shouldBe listOf("kubekt.io/f")
        pod.creationTimestamp shouldBe Instant.parse("2026-01-02T03:04:05Z")
        pod.deletionTimestamp shouldBe Instant.parse("2026-01-02T04:00:00Z")
        pod.ownerReferences.single().name shouldBe "web-1"
        pod.ownerReferences.single().controller shouldBe true
        pod.metadata?.name shouldBe "web"
        pod.at("status", "phase") shouldBe JsonPrimitive("Running")
        pod.at("status", "nothing") shouldBe null
    }

    test("absent metadata reads as null or empty") {
        val bare = Unstructured.parse("""{"kind":"Thing"}""")
        bare.name shouldBe null
        bare.labels shouldBe emptyMap()
        bare.finalizers shouldBe emptyList()
        bare.ownerReferences shouldBe emptyList()
        bare.groupVersionKind shouldBe null
    }

    test("edit derives a changed copy and leaves the original alone") {
        val pod = Unstructured.parse(POD)
        val changed = pod.edit {
            label("tier", "front")
            annotation("a", "b")
            set(listOf("spec", "nodeName"), JsonPrimitive("n1"))
            remove("status")
            resourceVersion(null)
        }
        changed.labels shouldBe mapOf("app" to "web", "tier" to "front")
        changed.annotations["a"] shouldBe "b"
        changed.at("spec", "nodeName") shouldBe JsonPrimitive("n1")
        changed["status"] shouldBe null
        changed.resourceVersion shouldBe null
        changed.at("spec", "containers") shouldBe pod.at("spec", "containers")
        pod.labels shouldBe mapOf("app" to "web")
        pod.resourceVersion shouldBe "42"
        pod.toBuilder().build() shouldBe pod
    }

    test("a builder block creates an object from nothing") {
        val cm = Unstructured { apiVersion("v1"); kind("ConfigMap"); name("c"); namespace("n"); finalizers(listOf("f")) }
        cm.toJson() shouldBe """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","finalizers":["f"]}}"""
    }

    test("converts to a typed model and back without losing fields") {
        val pod = Unstructured.parse(POD)
        val typed = pod.to<Pod>()
        typed.status?.phase shouldBe "Running"
        typed.spec?.containers?.single()?.image shouldBe "nginx"
        Unstructured.from(typed) shouldBe pod
    }

    test("from fills apiVersion and kind of a model built in code") {
        val pod = Pod { metadata { name = "p" } }
        val u = Unstructured.from(pod)
        u.apiVersion shouldBe "v1"
        u.kind shouldBe "Pod"
        u.name shouldBe "p"
    }

    test("list items get the kind of the list and convert to the typed list") {
        val list = UnstructuredList.of(
            Unstructured.parse("""{"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"7","continue":"tok"},
                "items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}""").json,
        )
        list.items.map { it.kind } shouldBe listOf("Pod", "Pod")
        list.items.map { it.apiVersion } shouldBe listOf("v1", "v1")
        list.resourceVersion shouldBe "7"
        list.continueToken shouldBe "tok"
        list.to<PodList>().items.map { it.metadata?.name } shouldBe listOf("a", "b")
    }

    test("converting to a class that is not a generated model is refused") {
        shouldThrow<IllegalArgumentException> { ModelTypes.of(NotAModel::class.java as Class<Pod>) }
    }

    test("toString names the object but shows none of its data") {
        val secret = Unstructured.parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"n"},"data":{"k":"c2VjcmV0"}}""")
        secret.toString() shouldBe "Unstructured(v1 Secret n/s)"
        secret.toString() shouldNotContain "c2VjcmV0"
    }

    test("parse refuses JSON that is not an object") {
        shouldThrow<IllegalArgumentException> { Unstructured.parse("[1]") }
    }
})

private class NotAModel
