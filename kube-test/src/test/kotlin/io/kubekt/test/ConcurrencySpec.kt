package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.at
import io.kubekt.test.support.rv
import io.kubekt.test.support.str
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.util.concurrent.Callable
import java.util.concurrent.Executors

class ConcurrencySpec : FunSpec({
    val server = KubeTestServer.start { watchHistorySize(5000) }
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)

    test("concurrent writes get unique, increasing resourceVersions and a watch sees each once, in order") {
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from").use { w ->
            val pool = Executors.newFixedThreadPool(8)
            try {
                val replies = (1..80).map { i -> pool.submit(Callable { client.post(CM, Fixtures.configMap("c-$i")) }) }.map { it.get() }
                replies.all { it.code == 201 } shouldBe true
                val rvs = replies.map { it.json.rv() }
                rvs.toSet().size shouldBe 80
                val seen = (1..80).map { w.next()!! }
                seen.all { it.str("type") == "ADDED" } shouldBe true
                val seenRvs = seen.map { it.at("object")!!.rv() }
                seenRvs shouldBe seenRvs.sorted()
                seenRvs.toSet() shouldBe rvs.toSet()
            } finally {
                pool.shutdownNow()
            }
        }
    }

    test("concurrent updates at the same resourceVersion: exactly one wins, the rest get 409") {
        val current = client.get("$CM/c-1").json
        val pool = Executors.newFixedThreadPool(6)
        try {
            val codes = (1..6).map { i ->
                val body = JsonObject(current + ("data" to buildJsonObject { put("w", "$i") }))
                pool.submit(Callable { client.put("$CM/c-1", body.toString()).code })
            }.map { it.get() }
            codes.count { it == 200 } shouldBe 1
            codes.count { it == 409 } shouldBe 5
        } finally {
            pool.shutdownNow()
        }
    }
})
