package io.kubekt.api

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.api.apiextensions.v1.JSONSchemaProps
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.core.v1.Container
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.core.v1.PodList
import io.kubekt.api.meta.v1.ListMeta
import kotlinx.serialization.json.JsonPrimitive

class BuildersSpec : FunSpec({
    test("builder blocks build a pod with nested objects, a list item and labels") {
        val pod = Pod {
            metadata { name = "web"; labels("app" to "web") }
            spec { container { name = "app"; image = "nginx" } }
        }
        pod.toJson() shouldBe
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}"""
        pod.spec!!.containers!!.single().image shouldBe "nginx"
    }

    test("a nested block edits the current value instead of replacing it") {
        val web = Deployment {
            metadata { name = "web"; namespace = "shop" }
            spec { replicas = 3; template { spec { container { name = "web"; image = "nginx:1.27" } } } }
        }
        val scaled = web.edit { spec { replicas = 5 } }
        scaled.spec!!.replicas shouldBe 5
        scaled.spec!!.template!!.spec!!.containers!!.single().name shouldBe "web"
        scaled.metadata shouldBe web.metadata
        web.spec!!.replicas shouldBe 3
    }

    test("add-one and put-one methods append to lists and maps") {
        val pod = Pod {
            metadata { label("a", "1"); label("b", "2"); finalizer("x") }
            spec { container { name = "a" }; container(Container { name = "b" }); container { name = "c" } }
        }
        pod.spec!!.containers!!.map { it.name } shouldBe listOf("a", "b", "c")
        pod.metadata!!.labels shouldBe mapOf("a" to "1", "b" to "2")
        pod.metadata!!.finalizers shouldBe listOf("x")
        pod.edit { metadata { label("a", "9") } }.metadata!!.labels shouldBe mapOf("a" to "9", "b" to "2")
    }

    test("models compare by value, and a copy edited back equals the original") {
        val a = Pod { metadata { name = "p"; labels("k" to "v") } }
        val b = Pod { metadata { labels = mapOf("k" to "v"); name = "p" } }
        a shouldBe b
        a.hashCode() shouldBe b.hashCode()
        a.edit { metadata { name = "q" } } shouldNotBe a
        a.edit { metadata { name = "q" } }.edit { metadata { name = "p" } } shouldBe a
        Pod.TYPE.decode(a.toJson()) shouldBe a
    }

    test("lists handed to a builder are copied and lists read from a model are read-only") {
        val args = mutableListOf("--a")
        val c = Container { name = "c"; this.args = args }
        args.add("--b")
        c.args shouldBe listOf("--a")
        shouldThrow<IllegalArgumentException> { Container { this.args = listOf<String?>(null) as List<String> } }
    }

    test("toBuilder leaves the original untouched") {
        val pod = Pod { metadata { name = "p" } }
        val b = pod.toBuilder()
        b.metadata { name = "changed" }
        pod.metadata!!.name shouldBe "p"
        b.build().metadata!!.name shouldBe "changed"
    }

    test("builder() of a kind presets apiVersion and kind, the type's generic builder does not") {
        Deployment.builder().build().apiVersion shouldBe "apps/v1"
        Deployment.builder().build().kind shouldBe "Deployment"
        Deployment.TYPE.builder().build().apiVersion shouldBe null
    }

    test("fields named after keywords are reachable") {
        ListMeta { `continue` = "tok" }.`continue` shouldBe "tok"
        JSONSchemaProps { default = JsonPrimitive(3); type = "integer" }.toJson() shouldBe """{"default":3,"type":"integer"}"""
        JSONSchemaProps { ref = "#/definitions/x" }.toJson() shouldBe """{"${'$'}ref":"#/definitions/x"}"""
    }

    test("objects and lists implement the common views") {
        Pod { metadata { name = "p" } }.shouldBeInstanceOf<KubeObject>().metadata!!.name shouldBe "p"
        val list: KubeList<Pod> = PodList { item { metadata { name = "p" } } }
        list.items.single().metadata!!.name shouldBe "p"
    }
})
