package io.kubekt.conformance.typed

import io.kotest.matchers.shouldBe
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.request.ListOptions
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import kotlinx.coroutines.withContext

/** listAll and listPages over more than 1,000 objects in pages of 100 yield each exactly once. */
class PagingTypedSpec : ConformanceSpec({
    // No client-side rate limit: the spec creates over a thousand objects.
    val client = target.newClient { qps = 0.0 }
    val count = 1_050
    beforeSpec {
        val configMaps = client.coreV1().configMaps(namespace)
        val permits = Semaphore(16)
        withContext(Dispatchers.IO) {
            coroutineScope {
                (0 until count).map { i ->
                    async { permits.withPermit { configMaps.create(ConfigMap { metadata { name = "page-%04d".format(i) } }) } }
                }.awaitAll()
            }
        }
    }
    afterSpec { client.close() }

    test("listAll with limit 100 yields every object exactly once, over at least 11 pages") {
        val configMaps = client.coreV1().configMaps(namespace)
        val names = configMaps.listAll(ListOptions(limit = 100)).toList().mapNotNull { it.metadata?.name }
            .filter { it.startsWith("page-") }
        names.size shouldBe count
        names.toSet().size shouldBe count
        configMaps.list { limit = 100 }.metadata?.`continue`.isNullOrEmpty() shouldBe false
    }

    test("listPages with limit 100 yields the same objects in pages of at most 100, every page but the last with a continue token") {
        val pages = client.coreV1().configMaps(namespace).listPages(ListOptions(limit = 100)).toList()
        val names = pages.flatMap { page -> page.items.mapNotNull { it.metadata?.name } }.filter { it.startsWith("page-") }
        names.size shouldBe count
        names.toSet().size shouldBe count
        (pages.size >= 11) shouldBe true
        pages.all { it.items.size <= 100 } shouldBe true
        pages.dropLast(1).all { !it.metadata?.`continue`.isNullOrEmpty() } shouldBe true
        pages.last().metadata?.`continue`.isNullOrEmpty() shouldBe true
    }

    test("the Java stream of listAll yields the same objects") {
        val names = client.coreV1().configMaps(namespace).listAllBlocking(ListOptions(limit = 100))
            .map { it.metadata?.name }.filter { it!!.startsWith("page-") }.toList()
        names.toSet().size shouldBe count
        names.size shouldBe count
    }
})
