package io.kubekt.client

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import io.kubekt.request.ListOptions
import io.kubekt.transport.KubeResponse
import kotlinx.coroutines.flow.toList
import kotlin.streams.toList

private fun names(n: Int) = (1..n).map { "cm-$it" }

class ListAllSpec : FunSpec({
    test("listAll follows continue tokens and yields every object exactly once") {
        val server = PagingServer(names(25))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val all = c.client.bridge.blocking { c.client.coreV1().configMaps("a").listAll(ListOptions(limit = 10)).toList() }
            all.map { it.metadata?.name } shouldContainExactly names(25)
            server.requests.map { it.toMap()["continue"] } shouldContainExactly listOf(null, "page-10", "page-20")
        }
    }
    test("listAll pages by 500 when the options set no limit") {
        val server = PagingServer(names(3))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            c.client.bridge.blocking { c.client.coreV1().configMaps("a").listAll().toList() }.size shouldBe 3
            server.requests.single().toMap()["limit"] shouldBe "500"
        }
    }
    test("an expired continue token fails listAll by default") {
        val server = PagingServer(names(25), expired = mutableSetOf("page-10"))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            shouldThrow<ApiException> {
                c.client.bridge.blocking { c.client.coreV1().configMaps("a").listAll(ListOptions(limit = 10)).toList() }
            }.isExpired shouldBe true
        }
    }
    test("RESTART marks the restart and lists everything again") {
        val server = PagingServer(names(15), expired = mutableSetOf("page-10"))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val elements = c.client.bridge.blocking {
                c.client.coreV1().configMaps("a").listAll(ListOptions(limit = 10), ExpiredListPolicy.RESTART).toList()
            }
            val rendered = elements.map { if (it is ListAllElement.Item) it.obj.metadata?.name else it.toString() }
            rendered shouldContainExactly names(10) + "Restarted" + names(15)
        }
    }
    test("CONTINUE_INCONSISTENT goes on with the token the Status carries, after a marker") {
        val server = PagingServer(names(30), expired = mutableSetOf("page-10"), inconsistentToken = "page-20")
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val elements = c.client.bridge.blocking {
                c.client.coreV1().configMaps("a").listAll(ListOptions(limit = 10), ExpiredListPolicy.CONTINUE_INCONSISTENT).toList()
            }
            val rendered = elements.map { if (it is ListAllElement.Item) it.obj.metadata?.name else it.toString() }
            rendered shouldContainExactly names(10) + "ContinuedInconsistently" + names(30).drop(20)
        }
    }
    test("the Java stream fetches pages only as it is consumed") {
        val server = PagingServer(names(25))
        FakeCluster(FakeExecutor(respond = server::respond)).use { c ->
            val stream = c.client.coreV1().configMaps("a").listAllBlocking(ListOptions(limit = 10))
            server.requests.size shouldBe 0
            stream.limit(12).toList().map { it.metadata?.name } shouldContainExactly names(12)
            server.requests.size shouldBe 2
        }
    }
})
