package io.kubekt.client

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import io.kubekt.request.ListOptions
import io.kubekt.transport.KubeResponse
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject

private fun names(n: Int) = (1..n).map { "cm-$it" }

/** `listPages` follows continue tokens and asks for the next page while the current one is handled. */
class ListPagesSpec : FunSpec({
    test("every page arrives in order, each continued page sent with the previous page's token") {
        val server = PagingServer(names(25))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val pages = c.client.bridge.blocking {
                c.client.coreV1().configMaps("a").listPages(ListOptions(limit = 10)).map { page -> page.items.map { it.metadata?.name } }.toList()
            }
            pages shouldContainExactly listOf(names(25).subList(0, 10), names(25).subList(10, 20), names(25).subList(20, 25))
            server.requests.map { it.toMap()["continue"] } shouldContainExactly listOf(null, "page-10", "page-20")
            server.requests.map { it.toMap()["limit"] }.toSet() shouldBe setOf("10")
        }
    }

    test("the next page is requested before the collector has finished with the current one") {
        val server = PagingServer(names(20))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            var seenWhileFirstPageHeld = 0
            c.client.bridge.blocking {
                c.client.coreV1().configMaps().allNamespaces().listPages(ListOptions(limit = 10)).collect { page ->
                    if (page.metadata?.`continue` == "page-10") {
                        withTimeout(5_000) { while (server.requests.size < 2) delay(5) }
                        seenWhileFirstPageHeld = server.requests.size
                    }
                }
            }
            seenWhileFirstPageHeld shouldBe 2
        }
    }

    test("a page that fails surfaces after the pages before it were emitted") {
        val server = PagingServer(names(30), expired = mutableSetOf("page-20"))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val seen = mutableListOf<String?>()
            val e = shouldThrow<ApiException> {
                c.client.bridge.blocking {
                    c.client.coreV1().configMaps("a").listPages(ListOptions(limit = 10)).collect { seen += it.items.first().metadata?.name }
                }
            }
            e.code shouldBe 410
            seen shouldContainExactly listOf("cm-1", "cm-11")
        }
    }

    test("a body that puts its items before its metadata is still followed page by page") {
        val server = PagingServer(names(25))
        val itemsFirst: suspend (KubeRequest) -> KubeResponse = { r ->
            val page = server.respond(r)
            val json = Json.parseToJsonElement(String(page.body)) as JsonObject
            FakeExecutor.ok(JsonObject(json.entries.sortedBy { it.key != "items" }.associate { it.key to it.value }).toString())
        }
        FakeCluster(FakeExecutor(respond = itemsFirst)).use { c ->
            val seen = c.client.bridge.blocking {
                c.client.coreV1().configMaps("a").listPages(ListOptions(limit = 10)).toList().flatMap { page -> page.items.map { it.metadata?.name } }
            }
            seen shouldContainExactly names(25)
            server.requests.map { it.toMap()["continue"] } shouldContainExactly listOf(null, "page-10", "page-20")
        }
    }

    test("a collector that stops early ends the flow without an error") {
        val server = PagingServer(names(30))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val first = c.client.bridge.blocking { c.client.coreV1().configMaps("a").listPages(ListOptions(limit = 10)).take(1).toList() }
            first.single().items.size shouldBe 10
            (server.requests.size <= 2) shouldBe true
        }
    }
})
