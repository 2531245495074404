package io.kubekt.conformance.typed

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.client.DeleteResult
import io.kubekt.error.ApiException
import io.kubekt.request.CreateOptions
import io.kubekt.request.DeleteOptions
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout

/** Every verb of a typed client on a namespaced kind, ConfigMap, over HTTP. */
class ConfigMapTypedSpec : ConformanceSpec({
    fun cm(name: String, vararg data: Pair<String, String>) = ConfigMap {
        metadata { this.name = name; labels = mapOf("suite" to "typed") }
        this.data = mapOf(*data)
    }

    test("create, get, getOrNull and list see the same object") {
        val configMaps = client.coreV1().configMaps(namespace)
        val created = configMaps.create(cm("one", "a" to "1"))
        created.metadata?.uid.shouldNotBeNull()
        configMaps.get("one").data shouldBe mapOf("a" to "1")
        configMaps.getOrNull("missing").shouldBeNull()
        configMaps.list { labelSelector = "suite=typed" }.items.map { it.metadata?.name } shouldContain "one"
        client.coreV1().configMaps().allNamespaces().list { fieldSelector = "metadata.name=one" }
            .items.map { it.metadata?.namespace } shouldContain namespace
    }

    test("get of a missing object is a NotFound ApiException") {
        shouldThrow<ApiException> { client.coreV1().configMaps(namespace).get("missing") }.isNotFound shouldBe true
    }

    test("update replaces the object; a stale resourceVersion is a Conflict") {
        val configMaps = client.coreV1().configMaps(namespace)
        val v1 = configMaps.create(cm("upd", "a" to "1"))
        val v2 = configMaps.update(v1.edit { data = mapOf("a" to "2") })
        v2.data shouldBe mapOf("a" to "2")
        v2.metadata?.resourceVersion shouldNotBe v1.metadata?.resourceVersion
        shouldThrow<ApiException> { configMaps.update(v1.edit { data = mapOf("a" to "3") }) }.isConflict shouldBe true
    }

    test("JSON, merge and strategic merge patches change what they say") {
        val configMaps = client.coreV1().configMaps(namespace)
        configMaps.create(cm("pat", "a" to "1"))
        configMaps.patch("pat", PatchType.MERGE, """{"data":{"b":"2"}}""").data shouldBe mapOf("a" to "1", "b" to "2")
        configMaps.patch("pat", PatchType.JSON, """[{"op":"remove","path":"/data/a"}]""").data shouldBe mapOf("b" to "2")
        configMaps.patch("pat", PatchType.STRATEGIC_MERGE, """{"data":{"c":"3"}}""").data shouldBe mapOf("b" to "2", "c" to "3")
        configMaps.patch("pat", PatchType.MERGE, ConfigMap { data = mapOf("d" to "4") }).data!!.keys shouldContain "d"
    }

    test("a dry-run create answers the object but persists nothing") {
        val configMaps = client.coreV1().configMaps(namespace)
        configMaps.create(cm("dry", "a" to "1"), CreateOptions(dryRun = true)).metadata?.name shouldBe "dry"
        configMaps.getOrNull("dry").shouldBeNull()
    }

    test("delete says the object is gone; a wrong uid precondition is a Conflict") {
        val configMaps = client.coreV1().configMaps(namespace)
        configMaps.create(cm("del"))
        shouldThrow<ApiException> { configMaps.delete("del", DeleteOptions(preconditionUid = "not-the-uid")) }.isConflict shouldBe true
        configMaps.delete("del").shouldBeInstanceOf<DeleteResult.Gone<ConfigMap>>()
        configMaps.getOrNull("del").shouldBeNull()
    }

    test("deleteCollection deletes what the selector selects, nothing else") {
        val configMaps = client.coreV1().configMaps(namespace)
        configMaps.create(cm("dc-1").edit { metadata { labels = mapOf("batch" to "x") } })
        configMaps.create(cm("dc-2").edit { metadata { labels = mapOf("batch" to "x") } })
        configMaps.create(cm("dc-keep").edit { metadata { labels = mapOf("batch" to "y") } })
        configMaps.deleteCollection(ListOptions(labelSelector = "batch=x"))
        configMaps.list { labelSelector = "batch" }.items.map { it.metadata?.name } shouldContainExactlyInAnyOrder listOf("dc-keep")
    }

    test("watch delivers typed added, modified and deleted events for the namespace") {
        val configMaps = client.coreV1().configMaps(namespace)
        val start = configMaps.list().metadata?.resourceVersion
        coroutineScope {
            val events = async {
                withTimeout(20_000) {
                    configMaps.watch { resourceVersion = start; fieldSelector = "metadata.name=w" }.take(3).toList()
                }
            }
            val created = configMaps.create(cm("w", "a" to "1"))
            configMaps.update(created.edit { data = mapOf("a" to "2") })
            configMaps.delete("w")
            val got = events.await()
            got.map { it.type.name } shouldBe listOf("ADDED", "MODIFIED", "DELETED")
            got[1].shouldBeInstanceOf<WatchEvent.Modified<ConfigMap>>().obj.data shouldBe mapOf("a" to "2")
        }
    }

    test("cancelling the collector ends the watch") {
        val configMaps = client.coreV1().configMaps(namespace)
        configMaps.create(cm("wc"))
        withTimeout(20_000) {
            configMaps.watch().filter { it is WatchEvent.Added }.first().type.name shouldBe "ADDED"
        }
    }
})
