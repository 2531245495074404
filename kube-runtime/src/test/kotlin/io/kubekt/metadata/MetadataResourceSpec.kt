package io.kubekt.metadata

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.api.meta.v1.Status
import io.kubekt.client.FakeCluster
import io.kubekt.client.FakeExecutor
import io.kubekt.error.ApiException
import io.kubekt.request.ListOptions
import io.kubekt.watch.WatchEvent

private const val POM =
    """{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"web","namespace":"a","resourceVersion":"7","labels":{"app":"web"}}}"""
private const val POM_LIST = """{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"9"},"items":[$POM]}"""
private val DEPLOYMENTS = GroupVersionResource("apps", "v1", "deployments")
private const val AS_OBJECT = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"
private const val AS_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"

class MetadataResourceSpec : FunSpec({
    test("get asks for PartialObjectMetadata and decodes the object's metadata") {
        FakeCluster.answering(POM).use { cluster ->
            val meta = cluster.client.metadata(DEPLOYMENTS).namespace("a").get("web")
            cluster.lastRequest().let {
                it.pathAndQuery() shouldBe "/apis/apps/v1/namespaces/a/deployments/web"
                it.headers["Accept"] shouldBe AS_OBJECT
            }
            meta.kind shouldBe "PartialObjectMetadata"
            meta.apiVersion shouldBe "meta.k8s.io/v1"
            meta.metadata!!.name shouldBe "web"
            meta.metadata!!.labels shouldBe mapOf("app" to "web")
        }
    }

    test("list asks for PartialObjectMetadataList and decodes items and list metadata") {
        FakeCluster.answering(POM_LIST).use { cluster ->
            val list = cluster.client.metadata(DEPLOYMENTS).allNamespaces().list(ListOptions(limit = 10))
            cluster.lastRequest().let {
                it.pathAndQuery() shouldBe "/apis/apps/v1/deployments?limit=10"
                it.headers["Accept"] shouldBe AS_LIST
            }
            list.metadata!!.resourceVersion shouldBe "9"
            list.items.map { it.metadata!!.name } shouldBe listOf("web")
        }
    }

    test("watch asks for PartialObjectMetadata and decodes events; an ERROR event ends the flow") {
        val error = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired","code":410}}"""
        FakeCluster.streaming("""{"type":"ADDED","object":$POM}""", error).use { cluster ->
            val seen = mutableListOf<WatchEvent<PartialObjectMetadata>>()
            val thrown = shouldThrow<ApiException> {
                cluster.client.metadata(DEPLOYMENTS).namespace("a").watch(ListOptions(resourceVersion = "1")).collect { seen += it }
            }
            thrown.status.code shouldBe 410
            cluster.lastRequest().pathAndQuery() shouldBe "/apis/apps/v1/namespaces/a/deployments?watch=true&resourceVersion=1"
            cluster.lastRequest().headers["Accept"] shouldBe AS_OBJECT
            val added = seen.single() as WatchEvent.Added
            added.obj.metadata!!.name shouldBe "web"
            added.resourceVersion shouldBe "7"
        }
    }

    test("a namespaced built-in without a namespace is refused before any request") {
        FakeCluster.answering(POM).use { cluster ->
            shouldThrow<IllegalStateException> { cluster.client.metadata(DEPLOYMENTS).list() }.message!! shouldContain "namespace(ns)"
            shouldThrow<IllegalStateException> { cluster.client.metadata(DEPLOYMENTS).allNamespaces().get("web") }
            cluster.requestCount() shouldBe 0
        }
    }

    test("getOrNull answers null on 404 and throws other errors") {
        var code = 404
        val executor = FakeExecutor(respond = { r ->
            throw ApiException(Status { this.code = code; status = "Failure" }, r.method, r.path, FakeCluster.SERVER)
        })
        FakeCluster(executor).use { cluster ->
            cluster.client.metadata(DEPLOYMENTS).namespace("a").getOrNull("web") shouldBe null
            code = 403
            shouldThrow<ApiException> { cluster.client.metadata(DEPLOYMENTS).namespace("a").getOrNull("web") }.isForbidden shouldBe true
        }
    }
})
