package io.kubekt.client

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.apps.v1.DeploymentList
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.api.core.v1.Namespace
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.core.v1.PodList
import io.kubekt.api.meta.v1.ObjectMeta
import io.kubekt.error.ApiException
import io.kubekt.request.ApplyOptions
import io.kubekt.request.CreateOptions
import io.kubekt.request.DeleteOptions
import io.kubekt.request.FieldValidation
import io.kubekt.request.KubeRequest
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.PropagationPolicy
import io.kubekt.request.Verb
import io.kubekt.testing.status
import io.kubekt.transport.KubeResponse
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.flow.toList
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

private fun configMap(name: String, rv: String = "1", data: Map<String, String>? = null): ConfigMap = ConfigMap {
    metadata { this.name = name; resourceVersion = rv }
    data?.let { this.data = it }
}

private fun notFound(r: KubeRequest): Nothing =
    throw ApiException(status(code = 404, reason = "NotFound", message = "not found"), r.method, r.path, FakeCluster.SERVER)

private fun cluster(respond: suspend (KubeRequest) -> KubeResponse): FakeCluster = FakeCluster(FakeExecutor(respond = respond))

private fun KubeRequest.bodyJson(): JsonObject = Json.parseToJsonElement(body!!.decodeToString()).jsonObject

class ResourceClientSpec : FunSpec({
    context("scopes") {
        test("a namespaced resource reads /api/v1/namespaces/{namespace}/{plural}/{name}") {
            cluster { FakeExecutor.ok(configMap("web").toJson()) }.use { c ->
                val got = c.client.coreV1().configMaps("prod").getBlocking("web")
                got.metadata?.name shouldBe "web"
                c.lastRequest().verb shouldBe Verb.GET
                c.lastRequest().path shouldBe "/api/v1/namespaces/prod/configmaps/web"
            }
        }
        test("a cluster-scoped resource has no namespace in its path") {
            cluster { FakeExecutor.ok("""{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"kube-system"}}""") }.use { c ->
                c.client.coreV1().namespaces().getBlocking("kube-system").shouldBeInstanceOf<Namespace>()
                c.lastRequest().path shouldBe "/api/v1/namespaces/kube-system"
            }
        }
        test("an empty namespace is refused before any request, naming the explicit alternatives") {
            FakeCluster().use { c ->
                val e = shouldThrow<IllegalArgumentException> { c.client.coreV1().pods("") }
                e.message shouldContain "allNamespaces()"
                shouldThrow<IllegalArgumentException> { c.client.resources<Pod>().namespace("") }
                c.requestCount() shouldBe 0
            }
        }
        test("scopes that do not fit the resource are refused") {
            FakeCluster().use { c ->
                shouldThrow<IllegalArgumentException> { c.client.resources(Namespace.RESOURCE).namespace("a") }.message shouldContain "cluster-scoped"
                shouldThrow<IllegalArgumentException> { c.client.resources(Pod.RESOURCE).cluster() }.message shouldContain "namespaced"
                shouldThrow<IllegalArgumentException> { c.client.resources(Namespace.RESOURCE).allNamespaces() }
            }
        }
        test("all namespaces is an explicit call that lists /api/v1/pods") {
            cluster { FakeExecutor.ok("""{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"a","namespace":"x"}}]}""") }.use { c ->
                val pods: PodList = c.client.coreV1().pods().allNamespaces().listBlocking()
                pods.items.single().metadata?.namespace shouldBe "x"
                c.lastRequest().path shouldBe "/api/v1/pods"
            }
        }
        test("the default namespace is the configuration's, by an explicit call") {
            cluster { FakeExecutor.ok("""{"kind":"DeploymentList","items":[]}""") }.use { c ->
                c.client.appsV1().deployments().defaultNamespace().listBlocking().shouldBeInstanceOf<DeploymentList>()
                c.lastRequest().path shouldBe "/apis/apps/v1/namespaces/team-a/deployments"
            }
        }
        test("a model class finds its resource; a class that is not a resource's model is refused") {
            FakeCluster().use { c ->
                c.client.resources(Deployment::class.java).resource shouldBe Deployment.RESOURCE
                c.client.resources<ConfigMap>().resource shouldBe ConfigMap.RESOURCE
                shouldThrow<IllegalArgumentException> { c.client.resources(ObjectMeta::class.java) }.message shouldContain "ObjectMeta"
            }
        }
    }

    context("reads") {
        test("getOrNull answers null on 404 and rethrows other errors") {
            cluster { notFound(it) }.use { c -> c.client.coreV1().configMaps("a").getOrNullBlocking("gone").shouldBeNull() }
            cluster { r -> throw ApiException(status(code = 403, reason = "Forbidden"), r.method, r.path, FakeCluster.SERVER) }.use { c ->
                shouldThrow<ApiException> { c.client.coreV1().configMaps("a").getOrNullBlocking("x") }.isForbidden shouldBe true
            }
        }
        test("list sends the block's options and decodes the generated list type") {
            cluster { FakeExecutor.ok("""{"kind":"ConfigMapList","metadata":{"continue":"t1"},"items":[{"metadata":{"name":"a"}}]}""") }.use { c ->
                val page: ConfigMapList = c.client.coreV1().configMaps("a").let { cm -> c.client.bridge.blocking { cm.list { limit = 50 } } }
                page.metadata?.`continue` shouldBe "t1"
                c.lastRequest().verb shouldBe Verb.LIST
                c.lastRequest().query shouldBe listOf("limit" to "50")
            }
        }
    }

    context("writes") {
        test("create POSTs the encoded object with dryRun, fieldManager and fieldValidation") {
            cluster { r -> FakeExecutor.ok(r.body!!.decodeToString()) }.use { c ->
                val options = CreateOptions(dryRun = true, fieldManager = "me", fieldValidation = FieldValidation.STRICT)
                c.client.coreV1().configMaps("a").createBlocking(configMap("web", data = mapOf("k" to "v")), options)
                val r = c.lastRequest()
                (r.verb to r.path) shouldBe (Verb.CREATE to "/api/v1/namespaces/a/configmaps")
                r.query shouldBe listOf("dryRun" to "All", "fieldManager" to "me", "fieldValidation" to "Strict")
                r.bodyJson()["data"]!!.jsonObject["k"]!!.jsonPrimitive.content shouldBe "v"
            }
        }
        test("update PUTs to the object's name and updateStatus to its status; an object without a name is refused") {
            cluster { r -> FakeExecutor.ok(r.body!!.decodeToString()) }.use { c ->
                val pods = c.client.coreV1().pods("a")
                val pod = Pod { metadata { name = "p" } }
                pods.updateBlocking(pod)
                c.lastRequest().path shouldBe "/api/v1/namespaces/a/pods/p"
                c.lastRequest().verb shouldBe Verb.UPDATE
                pods.updateStatusBlocking(pod)
                c.lastRequest().path shouldBe "/api/v1/namespaces/a/pods/p/status"
                shouldThrow<IllegalArgumentException> { pods.updateBlocking(Pod { metadata { } }) }.message shouldContain "metadata.name"
            }
        }
        test("each patch type travels with its content type") {
            cluster { FakeExecutor.ok(configMap("web").toJson()) }.use { c ->
                val cms = c.client.coreV1().configMaps("a")
                for (type in listOf(PatchType.JSON, PatchType.MERGE, PatchType.STRATEGIC_MERGE)) {
                    cms.patchBlocking("web", type, if (type == PatchType.JSON) "[]" else "{}")
                    c.lastRequest().contentType shouldBe type.contentType
                    c.lastRequest().path shouldBe "/api/v1/namespaces/a/configmaps/web"
                }
                cms.patchBlocking("web", PatchType.MERGE, ConfigMap { data = mapOf("k" to "v") })
                c.lastRequest().body!!.decodeToString() shouldBe """{"apiVersion":"v1","kind":"ConfigMap","data":{"k":"v"}}"""
            }
        }
        test("apply sends only what was set, as an apply patch with fieldManager and force") {
            cluster { FakeExecutor.ok(configMap("web").toJson()) }.use { c ->
                val partial = ConfigMap { metadata { name = "web" }; data = mapOf("owned" to "yes") }
                c.client.bridge.blocking { c.client.coreV1().configMaps("a").apply(partial, fieldManager = "tool", force = true) }
                val r = c.lastRequest()
                (r.verb to r.contentType) shouldBe (Verb.PATCH to "application/apply-patch+yaml")
                r.query shouldBe listOf("fieldManager" to "tool", "force" to "true")
                r.body!!.decodeToString() shouldBe """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web"},"data":{"owned":"yes"}}"""
                shouldThrow<IllegalArgumentException> { ApplyOptions.of(" ") }
            }
        }
    }

    context("delete") {
        test("a Status answer means gone; the options travel as a DeleteOptions body") {
            val body = """{"kind":"Status","apiVersion":"v1","status":"Success","details":{"name":"web","kind":"configmaps"}}"""
            cluster { FakeExecutor.ok(body) }.use { c ->
                val options = DeleteOptions(propagationPolicy = PropagationPolicy.FOREGROUND, preconditionUid = "u1", gracePeriodSeconds = 0)
                val result = c.client.coreV1().configMaps("a").deleteBlocking("web", options)
                result.shouldBeInstanceOf<DeleteResult.Gone<ConfigMap>>().status?.status shouldBe "Success"
                result.isGone shouldBe true
                val sent = c.lastRequest().bodyJson()
                sent["propagationPolicy"]!!.jsonPrimitive.content shouldBe "Foreground"
                sent["preconditions"]!!.jsonObject["uid"]!!.jsonPrimitive.content shouldBe "u1"
                sent["gracePeriodSeconds"]!!.jsonPrimitive.content shouldBe "0"
            }
        }
        test("an object with deletionTimestamp means finalizing; one without means gone") {
            val finalizing = """{"metadata":{"name":"p","deletionTimestamp":"2026-01-01T00:00:00Z","finalizers":["x"]}}"""
            cluster { FakeExecutor.ok(finalizing) }.use { c ->
                val result = c.client.coreV1().pods("a").deleteBlocking("p")
                result.shouldBeInstanceOf<DeleteResult.Finalizing<Pod>>().obj.metadata?.finalizers shouldBe listOf("x")
                c.lastRequest().body.shouldBeNull()
            }
            cluster { FakeExecutor.ok("""{"metadata":{"name":"p"}}""") }.use { c ->
                c.client.coreV1().pods("a").deleteBlocking("p").shouldBeInstanceOf<DeleteResult.Gone<Pod>>().obj?.metadata?.name shouldBe "p"
            }
        }
        test("deleteCollection deletes what the selector selects") {
            cluster { FakeExecutor.ok("""{"kind":"Status","status":"Success"}""") }.use { c ->
                c.client.coreV1().configMaps("a").deleteCollectionBlocking(ListOptions(labelSelector = "app=web"))
                c.lastRequest().verb shouldBe Verb.DELETE_COLLECTION
                c.lastRequest().query shouldBe listOf("labelSelector" to "app=web")
            }
        }
    }

    context("subresources") {
        test("scale reads and writes autoscaling/v1 Scale under /scale") {
            val scale = """{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":3},"status":{"replicas":2}}"""
            cluster { FakeExecutor.ok(scale) }.use { c ->
                val deployments = c.client.appsV1().deployments("a")
                deployments.getScaleBlocking("web").spec?.replicas shouldBe 3
                c.lastRequest().path shouldBe "/apis/apps/v1/namespaces/a/deployments/web/scale"
                deployments.patchScaleBlocking("web", PatchType.MERGE, """{"spec":{"replicas":5}}""")
                c.lastRequest().contentType shouldBe "application/merge-patch+json"
                c.lastRequest().path shouldBe "/apis/apps/v1/namespaces/a/deployments/web/scale"
            }
        }
    }

    context("watch") {
        test("lines become typed events and bookmarks; the request is a watch with the options") {
            val lines = arrayOf(
                """{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"5"}}}""",
                """{"type":"MODIFIED","object":{"metadata":{"name":"a","resourceVersion":"6"}}}""",
                """{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"7","annotations":{"k8s.io/initial-events-end":"true"}}}}""",
                """{"type":"DELETED","object":{"metadata":{"name":"a","resourceVersion":"8"}}}""",
            )
            FakeCluster.streaming(*lines).use { c ->
                val events = c.client.bridge.blocking { c.client.coreV1().configMaps("a").watch { resourceVersion = "4" }.toList() }
                events.map { it.type.name } shouldContainExactly listOf("ADDED", "MODIFIED", "BOOKMARK", "DELETED")
                events[0].shouldBeInstanceOf<WatchEvent.Added<ConfigMap>>().obj.metadata?.name shouldBe "a"
                events[2].shouldBeInstanceOf<WatchEvent.Bookmark>().initialEventsEnd shouldBe true
                events.map { it.resourceVersion } shouldContainExactly listOf("5", "6", "7", "8")
                c.lastRequest().query shouldBe listOf("watch" to "true", "resourceVersion" to "4")
                c.lastRequest().path shouldBe "/api/v1/namespaces/a/configmaps"
            }
        }
        test("an ERROR event ends the flow with the ApiException of its Status") {
            val error = """{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version: 1 (9)"}}"""
            FakeCluster.streaming(error).use { c ->
                val e = shouldThrow<ApiException> { c.client.bridge.blocking { c.client.coreV1().configMaps("a").watch().toList() } }
                e.isGone shouldBe true
                e.message shouldContain "too old resource version"
            }
        }
    }
})
