package io.kubekt.conformance.rest

import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.api.core.v1.PodList
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.at
import io.kubekt.conformance.support.configMapJson
import io.kubekt.conformance.support.itemNames
import io.kubekt.conformance.support.podJson
import io.kubekt.conformance.support.rv
import io.kubekt.conformance.support.str
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.ResourceVersionMatch
import kotlinx.serialization.json.JsonArray

/**
 * List: resourceVersion ordering and semantics, selectors, paging, metadata-only lists
 * (transcripts 14-21).
 */
class ListSpec : ConformanceSpec({
    fun list(options: ListOptions = ListOptions.NONE) = rest.get().namespace(namespace).resource("configmaps").params(options)
    fun names(list: ConfigMapList) = list.items.map { it.metadata!!.name!! }
    val all = listOf("a-1", "a-2", "b-1", "b-2", "c-1")

    beforeSpec {
        for (name in all) {
            val tier = name.substringBefore('-')
            val labels = mapOf("tier" to tier) + (if (name.endsWith("1")) mapOf("first" to "yes") else emptyMap())
            rest.post().namespace(namespace).resource("configmaps").body(configMapJson(name, labels)).executeJson()
        }
    }

    test("every write gets a larger resourceVersion than the one before, and the list's is at least the newest item's") {
        val versions = list().execute<ConfigMapList>().items.filter { it.metadata!!.name in all }
            .sortedBy { it.metadata!!.name }.map { it.metadata!!.resourceVersion!!.toLong() }
        versions shouldBe versions.sorted()
        versions.distinct().size shouldBe versions.size
        val listed = list().execute<ConfigMapList>()
        listed.metadata!!.resourceVersion!!.toLong() shouldBeGreaterThan versions.max() - 1
        listed.kind shouldBe "ConfigMapList"
        listed.apiVersion shouldBe "v1"
    }

    test("label selectors: =, ==, !=, in, notin, exists and !exists (transcript 16)") {
        suspend fun select(selector: String) = names(list(ListOptions(labelSelector = selector)).execute())
        select("tier=a") shouldContainExactly listOf("a-1", "a-2")
        select("tier==b") shouldContainExactly listOf("b-1", "b-2")
        select("tier!=a,tier") shouldContainExactly listOf("b-1", "b-2", "c-1")
        select("tier in (a,c)") shouldContainExactly listOf("a-1", "a-2", "c-1")
        select("tier notin (a,c),tier") shouldContainExactly listOf("b-1", "b-2")
        select("first") shouldContainExactly listOf("a-1", "b-1", "c-1")
        select("!first,tier") shouldContainExactly listOf("a-2", "b-2")
        select("tier=a,first") shouldContainExactly listOf("a-1")
    }

    test("an invalid label selector is 400 BadRequest") {
        val e = apiError { list(ListOptions(labelSelector = "tier in a")).executeJson() }
        e.code shouldBe 400
        e.reason shouldBe "BadRequest"
    }

    test("field selectors on metadata.name and metadata.namespace, with = and != (transcript 17)") {
        names(list(ListOptions(fieldSelector = "metadata.name=b-2")).execute()) shouldContainExactly listOf("b-2")
        names(list(ListOptions(fieldSelector = "metadata.name!=b-2,metadata.namespace=$namespace", labelSelector = "tier")).execute()) shouldContainExactly
            listOf("a-1", "a-2", "b-1", "c-1")
    }

    test("an unsupported field selector is 400 BadRequest naming the supported fields (transcript 18)") {
        val e = apiError { list(ListOptions(fieldSelector = "data.a=1")).executeJson() }
        e.code shouldBe 400
        e.reason shouldBe "BadRequest"
        e.status.message shouldBe "\"data.a\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
    }

    test("pods accept the field selectors spec.nodeName and status.phase") {
        rest.post().namespace(namespace).resource("pods").body(podJson("on-a", "conformance-node-a")).executeJson()
        rest.post().namespace(namespace).resource("pods").body(podJson("on-b", "conformance-node-b")).executeJson()
        val onA = rest.get().namespace(namespace).resource("pods").params(ListOptions(fieldSelector = "spec.nodeName=conformance-node-a")).execute<PodList>()
        onA.items.map { it.metadata!!.name } shouldContainExactly listOf("on-a")
        val running = rest.get().namespace(namespace).resource("pods").params(ListOptions(fieldSelector = "status.phase=Running")).execute<PodList>()
        running.items.shouldBeEmpty()
        val notRunning = rest.get().namespace(namespace).resource("pods").params(ListOptions(fieldSelector = "status.phase!=Running")).execute<PodList>()
        notRunning.items.map { it.metadata!!.name } shouldContainExactlyInAnyOrder listOf("on-a", "on-b")
    }

    test("limit and continue page through a consistent snapshot (transcripts 14, 15)") {
        val first = list(ListOptions(limit = 2, labelSelector = "tier")).execute<ConfigMapList>()
        names(first) shouldContainExactly listOf("a-1", "a-2")
        val token = first.metadata!!.`continue`
        token shouldNotBe null
        first.metadata!!.remainingItemCount shouldBe null // unknown when a selector filters
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson("a-3", mapOf("tier" to "a"))).executeJson()
        rest.delete().namespace(namespace).resource("configmaps").name("c-1").executeJson()
        val second = list(ListOptions(limit = 2, labelSelector = "tier", continueToken = token)).execute<ConfigMapList>()
        names(second) shouldContainExactly listOf("b-1", "b-2")
        second.metadata!!.resourceVersion shouldBe first.metadata!!.resourceVersion
        val third = list(ListOptions(limit = 2, labelSelector = "tier", continueToken = second.metadata!!.`continue`)).execute<ConfigMapList>()
        names(third) shouldContainExactly listOf("c-1")
        third.metadata!!.`continue` shouldBe null
        rest.delete().namespace(namespace).resource("configmaps").name("a-3").executeJson()
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson("c-1", mapOf("tier" to "c", "first" to "yes"))).executeJson()
    }

    test("without a selector a page says how many items remain") {
        val total = list().execute<ConfigMapList>().items.size
        val page = list(ListOptions(limit = 1)).execute<ConfigMapList>()
        page.items.size shouldBe 1
        page.metadata!!.remainingItemCount shouldBe (total - 1).toLong()
    }

    test("a malformed continue token is 400 BadRequest") {
        val e = apiError { list(ListOptions(limit = 2, continueToken = "not-a-token")).executeJson() }
        e.code shouldBe 400
        e.reason shouldBe "BadRequest"
    }

    test("resourceVersion=0 lists any recent state; NotOlderThan at least the given one; Exact exactly it") {
        val before = list().executeJson().rv()
        rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("a-1").body("""{"data":{"v":"2"}}""").executeJson()
        val any = list(ListOptions(resourceVersion = "0")).execute<ConfigMapList>()
        names(any).containsAll(all) shouldBe true
        val notOlder = list(ListOptions(resourceVersion = before.toString(), resourceVersionMatch = ResourceVersionMatch.NOT_OLDER_THAN)).execute<ConfigMapList>()
        notOlder.metadata!!.resourceVersion!!.toLong() shouldBeGreaterThan before
        notOlder.items.first { it.metadata!!.name == "a-1" }.data shouldBe mapOf("v" to "2")
        val exact = list(ListOptions(resourceVersion = before.toString(), resourceVersionMatch = ResourceVersionMatch.EXACT)).execute<ConfigMapList>()
        exact.metadata!!.resourceVersion shouldBe before.toString()
        exact.items.first { it.metadata!!.name == "a-1" }.data shouldBe null
    }

    test("a limited list with a resourceVersion and no match is served exactly at that resourceVersion (legacy rule)") {
        val before = list().executeJson().rv()
        rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("b-1").body("""{"data":{"v":"2"}}""").executeJson()
        val page = list(ListOptions(limit = 10, resourceVersion = before.toString(), labelSelector = "tier=b")).execute<ConfigMapList>()
        page.metadata!!.resourceVersion shouldBe before.toString()
        page.items.first { it.metadata!!.name == "b-1" }.data shouldBe null
    }

    test("resourceVersionMatch without resourceVersion, or with an unknown value, is 422 Invalid") {
        val e = apiError { list().param("resourceVersionMatch", "Exact").executeJson() }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        val unknown = apiError { list().param("resourceVersion", "1").param("resourceVersionMatch", "Newest").executeJson() }
        unknown.code shouldBe 422
        unknown.reason shouldBe "Invalid"
    }

    test("a resourceVersion from the future is 504 Timeout \"Too large resource version\" with Retry-After 1 (transcript 20)") {
        val future = list().executeJson().rv() + 1_000_000
        val e = apiError { noRetryClient.rest().get().namespace(namespace).resource("configmaps").params(ListOptions(resourceVersion = future.toString(), resourceVersionMatch = ResourceVersionMatch.NOT_OLDER_THAN)).executeJson() }
        e.code shouldBe 504
        e.reason shouldBe "Timeout"
        e.status.message!! shouldStartWith "Timeout: Too large resource version: $future, current: "
        e.status.details!!.causes!!.single().reason shouldBe "ResourceVersionTooLarge"
        e.status.details!!.retryAfterSeconds shouldBe 1
        e.isResourceVersionTooLarge shouldBe true
    }

    test("get with resourceVersion=0 answers the object") {
        val got = rest.get().namespace(namespace).resource("configmaps").name("a-2").param("resourceVersion", "0").executeJson()
        got.str("metadata.name") shouldBe "a-2"
    }

    test("a metadata-only list answers PartialObjectMetadataList with PartialObjectMetadata items and no data (transcript 21)") {
        val list = list(ListOptions(labelSelector = "tier=a", limit = 1))
            .header("Accept", "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1").executeJson()
        list.str("kind") shouldBe "PartialObjectMetadataList"
        list.str("apiVersion") shouldBe "meta.k8s.io/v1"
        list.str("metadata.continue") shouldNotBe null
        val item = (list.at("items") as JsonArray).single()
        item.str("kind") shouldBe "PartialObjectMetadata"
        item.str("apiVersion") shouldBe "meta.k8s.io/v1"
        item.str("metadata.name") shouldBe "a-1"
        item.str("metadata.labels.tier") shouldBe "a"
        item.at("data") shouldBe null
        list.itemNames() shouldContainExactly listOf("a-1")
    }

    test("a metadata-only get answers PartialObjectMetadata") {
        val one = rest.get().namespace(namespace).resource("configmaps").name("b-2")
            .header("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1").executeJson()
        one.str("kind") shouldBe "PartialObjectMetadata"
        one.str("metadata.uid") shouldNotBe null
        one.at("data") shouldBe null
    }

    test("listing across all namespaces includes this namespace's objects with their namespace") {
        val everywhere = target.client.rest().get().resource("configmaps").params(ListOptions(labelSelector = "tier=c")).execute<ConfigMapList>()
        everywhere.items.filter { it.metadata!!.namespace == namespace }.map { it.metadata!!.name } shouldContainExactly listOf("c-1")
    }
})
