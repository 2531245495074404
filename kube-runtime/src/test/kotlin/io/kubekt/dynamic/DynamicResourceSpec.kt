package io.kubekt.dynamic

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.api.GroupVersionResource
import io.kubekt.client.DeleteResult
import io.kubekt.request.DeleteOptions
import io.kubekt.request.PropagationPolicy
import io.kubekt.client.FakeCluster
import io.kubekt.client.FakeExecutor
import io.kubekt.error.ApiException
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.Verb
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.toList

private const val CM = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"a","resourceVersion":"5"}}"""
private val CONFIGMAPS = GroupVersionResource("", "v1", "configmaps")
private val WIDGETS = GroupVersionResource("example.com", "v1", "widgets")

class DynamicResourceSpec : FunSpec({
    test("verbs address the namespace, the resource, the name and the subresource") {
        FakeCluster.answering(CM).use { cluster ->
            val cms = cluster.client.dynamic(CONFIGMAPS).namespace("a")
            cms.get("c").name shouldBe "c"
            cluster.lastRequest().pathAndQuery() shouldBe "/api/v1/namespaces/a/configmaps/c"
            cms.get("c", subresource = "status")
            cluster.lastRequest().path shouldBe "/api/v1/namespaces/a/configmaps/c/status"
            cms.list(ListOptions(limit = 5))
            cluster.lastRequest().pathAndQuery() shouldBe "/api/v1/namespaces/a/configmaps?limit=5"
            cms.create(Unstructured.parse(CM))
            cluster.lastRequest().verb shouldBe Verb.CREATE
            cluster.lastRequest().body!!.decodeToString() shouldBe CM
            cms.updateStatus(Unstructured.parse(CM))
            cluster.lastRequest().let { it.method shouldBe "PUT"; it.path shouldBe "/api/v1/namespaces/a/configmaps/c/status" }
        }
    }

    test("a custom resource lives under /apis/group/version; allNamespaces lists without a namespace") {
        FakeCluster.answering("""{"kind":"WidgetList","apiVersion":"example.com/v1","items":[]}""").use { cluster ->
            cluster.client.dynamic(WIDGETS).namespace("x").list()
            cluster.lastRequest().path shouldBe "/apis/example.com/v1/namespaces/x/widgets"
            cluster.client.dynamic(WIDGETS).allNamespaces().list()
            cluster.lastRequest().path shouldBe "/apis/example.com/v1/widgets"
        }
    }

    test("a built-in namespaced resource without a namespace is refused before any request") {
        FakeCluster.answering(CM).use { cluster ->
            shouldThrow<IllegalStateException> { cluster.client.dynamic(CONFIGMAPS).list() }.message!! shouldContain "namespace(ns)"
            shouldThrow<IllegalStateException> { cluster.client.dynamic(CONFIGMAPS).allNamespaces().get("c") }
            cluster.requestCount() shouldBe 0
        }
    }

    test("patches carry their content type; apply sends fieldManager and force") {
        FakeCluster.answering(CM).use { cluster ->
            val cms = cluster.client.dynamic(CONFIGMAPS).namespace("a")
            cms.patch("c", PatchType.STRATEGIC_MERGE, """{"data":{"k":"v"}}""")
            cluster.lastRequest().contentType shouldBe "application/strategic-merge-patch+json"
            cms.apply(Unstructured.parse(CM), fieldManager = "me", force = true)
            cluster.lastRequest().let {
                it.contentType shouldBe "application/apply-patch+yaml"
                it.query shouldBe listOf("fieldManager" to "me", "force" to "true")
                it.path shouldBe "/api/v1/namespaces/a/configmaps/c"
            }
        }
    }

    test("delete sends its options as the body and answers Gone for a Status") {
        FakeCluster.answering("""{"kind":"Status","apiVersion":"v1","status":"Success"}""").use { cluster ->
            val gone = cluster.client.dynamic(CONFIGMAPS).namespace("a").delete("c", DeleteOptions(propagationPolicy = PropagationPolicy.FOREGROUND))
            gone.isGone shouldBe true
            (gone as DeleteResult.Gone).status!!.status shouldBe "Success"
            cluster.lastRequest().body!!.decodeToString() shouldContain """"propagationPolicy":"Foreground""""
            cluster.client.dynamic(CONFIGMAPS).namespace("a").deleteCollection(ListOptions(labelSelector = "x=y"))
            cluster.lastRequest().let { it.verb shouldBe Verb.DELETE_COLLECTION; it.pathAndQuery() shouldBe "/api/v1/namespaces/a/configmaps?labelSelector=x%3Dy" }
        }
    }

    test("delete answers the object while finalizers hold it") {
        val held = """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","deletionTimestamp":"2026-01-01T00:00:00Z","finalizers":["f"]}}"""
        FakeCluster.answering(held).use { cluster ->
            val held = cluster.client.dynamic(CONFIGMAPS).namespace("a").delete("c")
            held.isGone shouldBe false
            (held as DeleteResult.Finalizing).obj.finalizers shouldBe listOf("f")
        }
    }

    test("getOrNull answers null on 404 and throws other errors") {
        var code = 404
        val executor = FakeExecutor(respond = { r ->
            throw ApiException(io.kubekt.api.meta.v1.Status { this.code = code; status = "Failure" }, r.method, r.path, FakeCluster.SERVER)
        })
        FakeCluster(executor).use { cluster ->
            cluster.client.dynamic(CONFIGMAPS).namespace("a").getOrNull("c") shouldBe null
            code = 403
            shouldThrow<ApiException> { cluster.client.dynamic(CONFIGMAPS).namespace("a").getOrNull("c") }.isForbidden shouldBe true
        }
    }

    test("watch lines become typed events; an ERROR event ends the flow with the server's Status") {
        val lines = listOf(
            """{"type":"ADDED","object":$CM}""",
            """{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"9","annotations":{"k8s.io/initial-events-end":"true"}}}}""",
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","code":410,"reason":"Expired","message":"too old resource version: 1 (5)"}}""",
        )
        FakeCluster(FakeExecutor(lines = { flowOf(*lines.toTypedArray()) })).use { cluster ->
            val seen = mutableListOf<WatchEvent<Unstructured>>()
            val error = shouldThrow<ApiException> {
                cluster.client.dynamic(CONFIGMAPS).namespace("a").watch(ListOptions(resourceVersion = "1")).collect { seen += it }
            }
            error.isGone shouldBe true
            (seen[0] as WatchEvent.Added).obj.name shouldBe "c"
            seen[0].resourceVersion shouldBe "5"
            (seen[1] as WatchEvent.Bookmark).initialEventsEnd shouldBe true
            cluster.lastRequest().pathAndQuery() shouldBe "/api/v1/namespaces/a/configmaps?watch=true&resourceVersion=1"
        }
    }

    test("a Java listener receives the events and the end of the stream") {
        FakeCluster.streaming("""{"type":"ADDED","object":$CM}""", """{"type":"DELETED","object":$CM}""").use { cluster ->
            val events = java.util.concurrent.CopyOnWriteArrayList<WatchEvent<Unstructured>>()
            val handle = cluster.client.dynamic(CONFIGMAPS).namespace("a").watch { events += it }
            handle.completion().get(5, java.util.concurrent.TimeUnit.SECONDS)
            events.map { it.type.name } shouldBe listOf("ADDED", "DELETED")
        }
    }

    test("the stream of a flow that was not collected sends no request") {
        FakeCluster.streaming().use { cluster ->
            cluster.client.dynamic(CONFIGMAPS).namespace("a").watch()
            cluster.requestCount() shouldBe 0
            cluster.client.dynamic(CONFIGMAPS).namespace("a").watch().toList() shouldBe emptyList()
            cluster.requestCount() shouldBe 1
        }
    }
})
