package io.kubekt.conformance.metadata

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.configMapJson
import io.kubekt.request.ListOptions
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.jsonObject

/** The metadata-only client: get, list and watch answer PartialObjectMetadata, without the objects' data. */
class MetadataClientSpec : ConformanceSpec({
    val configMaps = GroupVersionResource("", "v1", "configmaps")
    val selector = "kubekt-metadata=yes"
    fun keys(meta: PartialObjectMetadata) = PartialObjectMetadata.TYPE.encodeToJsonElement(meta).jsonObject.keys

    beforeSpec {
        for (name in listOf("m-1", "m-2")) {
            val labels = mapOf("kubekt-metadata" to "yes", "name" to name)
            rest.post().namespace(namespace).resource("configmaps").body(configMapJson(name, labels, mapOf("secret-ish" to "value-$name"))).executeJson()
        }
    }

    test("list answers a PartialObjectMetadataList with names and labels and no data") {
        val list = client.metadata(configMaps).namespace(namespace).list(ListOptions(labelSelector = selector))
        list.kind shouldBe "PartialObjectMetadataList"
        list.apiVersion shouldBe "meta.k8s.io/v1"
        list.metadata?.resourceVersion.shouldNotBeNull()
        val items = list.items.sortedBy { it.metadata!!.name }
        items.map { it.metadata!!.name } shouldContainExactly listOf("m-1", "m-2")
        items.map { it.metadata!!.labels!!["name"] } shouldContainExactly listOf("m-1", "m-2")
        items.forEach { keys(it) shouldNotContain "data" }
    }

    test("get answers a PartialObjectMetadata with the object's metadata and no data") {
        val meta = client.metadata(configMaps).namespace(namespace).get("m-1")
        meta.kind shouldBe "PartialObjectMetadata"
        meta.apiVersion shouldBe "meta.k8s.io/v1"
        meta.metadata!!.namespace shouldBe namespace
        meta.metadata!!.labels!!["kubekt-metadata"] shouldBe "yes"
        meta.metadata!!.uid.shouldNotBeNull()
        keys(meta) shouldNotContain "data"
        client.metadata(configMaps).namespace(namespace).getOrNull("m-none") shouldBe null
    }

    test("a watch sees a new object as ADDED PartialObjectMetadata") {
        val cms = client.metadata(configMaps).namespace(namespace)
        val from = cms.list(ListOptions(labelSelector = selector)).metadata!!.resourceVersion
        coroutineScope {
            val added = async {
                withTimeout(30_000) { cms.watch(ListOptions(labelSelector = selector, resourceVersion = from)).first { it is WatchEvent.Added } }
            }
            rest.post().namespace(namespace).resource("configmaps")
                .body(configMapJson("m-3", mapOf("kubekt-metadata" to "yes"), mapOf("k" to "v"))).executeJson()
            val event = added.await() as WatchEvent.Added
            event.obj.kind shouldBe "PartialObjectMetadata"
            event.obj.metadata!!.name shouldBe "m-3"
            keys(event.obj) shouldNotContain "data"
        }
    }
})
