package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.rv
import io.kubekt.test.support.str
import java.time.Duration

class FaultSpec : FunSpec({
    val server = KubeTestServer.start()
    val client = TestClient(server)
    afterSpec { server.close() }
    afterTest { server.faults.clear() }
    Fixtures.namespace(client)

    test("failNext answers 429 with Retry-After and the TooManyRequests Status, then recovers") {
        server.faults.failNext(2, 429, RequestFilter.of("list", "configmaps"), retryAfterSeconds = 3)
        repeat(2) {
            val reply = client.get(CM)
            reply.code shouldBe 429
            reply.header("retry-after") shouldBe "3"
            reply.json.str("reason") shouldBe "TooManyRequests"
            reply.json.str("details.retryAfterSeconds") shouldBe "3"
        }
        client.get(CM).code shouldBe 200
    }

    test("failNext only hits matching requests") {
        server.faults.failNext(1, 503, RequestFilter.verb("create"))
        client.get(CM).code shouldBe 200
        val reply = client.post(CM, Fixtures.configMap("x"))
        reply.code shouldBe 503
        reply.json.str("reason") shouldBe "ServiceUnavailable"
        client.post(CM, Fixtures.configMap("x")).code shouldBe 201
    }

    test("500 and 504 carry InternalError and Timeout Status bodies") {
        server.faults.failNext(1, 500).failNext(1, 504)
        client.get(CM).json.str("reason") shouldBe "InternalError"
        client.get(CM).json.str("reason") shouldBe "Timeout"
    }

    test("latency delays matching requests") {
        server.faults.latency(Duration.ofMillis(400), RequestFilter.resource("configmaps"))
        val start = System.nanoTime()
        client.get(CM).code shouldBe 200
        ((System.nanoTime() - start) / 1_000_000) shouldBeGreaterThanOrEqual 400
    }

    test("dropWatches ends open streams now") {
        client.watch("$CM?watch=true&resourceVersion=${server.currentResourceVersion()}").use { w ->
            w.code shouldBe 200
            eventually { server.faults.openWatches() shouldBe 1 }
            server.faults.dropWatches()
            w.awaitEnd() shouldBe true
        }
    }

    test("dropWatchesAfter ends a stream after N more events") {
        client.watch("$CM?watch=true&resourceVersion=${server.currentResourceVersion()}").use { w ->
            eventually { server.faults.openWatches() shouldBe 1 }
            server.faults.dropWatchesAfter(2)
            Fixtures.createConfigMap(client, "d1")
            Fixtures.createConfigMap(client, "d2")
            Fixtures.createConfigMap(client, "d3")
            w.next()!!.str("object.metadata.name") shouldBe "d1"
            w.next()!!.str("object.metadata.name") shouldBe "d2"
            w.awaitEnd() shouldBe true
        }
    }

    test("stalled watches hold events with the connection open until resumed") {
        client.watch("$CM?watch=true&resourceVersion=${server.currentResourceVersion()}").use { w ->
            eventually { server.faults.openWatches() shouldBe 1 }
            server.faults.stallWatches()
            Fixtures.createConfigMap(client, "s1")
            w.next(Duration.ofMillis(500)) shouldBe null
            w.ended shouldBe false
            server.faults.resumeWatches()
            w.next()!!.str("object.metadata.name") shouldBe "s1"
        }
    }

    test("compactHistory makes older resourceVersions 410 for watches and exact lists") {
        val old = client.get(CM).json.rv()
        Fixtures.createConfigMap(client, "c1")
        server.faults.compactHistory()
        client.watch("$CM?watch=true&resourceVersion=$old").use { w -> w.next()!!.str("object.code") shouldBe "410" }
        client.get("$CM?resourceVersion=$old&resourceVersionMatch=Exact").code shouldBe 410
    }

    test("restart keeping state closes connections and keeps objects") {
        client.watch("$CM?watch=true&resourceVersion=${server.currentResourceVersion()}").use { w ->
            eventually { server.faults.openWatches() shouldBe 1 }
            server.faults.restart(keepState = true)
            w.awaitEnd() shouldBe true
        }
        // The old client's pooled connection was closed by the restart, as a real client would see.
        TestClient(server).get("$CM/c1").code shouldBe 200
    }

    test("restart losing state forgets objects but keeps resourceVersions increasing") {
        val before = server.currentResourceVersion().toLong()
        server.faults.restart(keepState = false)
        val fresh = TestClient(server)
        fresh.get("$CM/c1").code shouldBe 404
        fresh.get("/api/v1/namespaces/default").code shouldBe 200
        (server.currentResourceVersion().toLong() > before) shouldBe true
    }

    test("a watch the client closes is released by the server") {
        val client = TestClient(server)
        val w = client.watch("$CM?watch=true&resourceVersion=${server.currentResourceVersion()}")
        eventually { server.faults.openWatches() shouldBe 1 }
        w.close()
        eventually { server.faults.openWatches() shouldBe 0 }
    }

    test("request counters count by verb, resource and path") {
        val client = TestClient(server)
        server.requests.reset()
        client.get("/api/v1/namespaces/default/configmaps")
        client.get("/api/v1/namespaces/default/configmaps")
        client.get("/api/v1/namespaces/default")
        server.requests.count("list", "configmaps") shouldBe 2
        server.requests.count("get", "namespaces") shouldBe 1
        server.requests.count("list") shouldBe 2
        server.requests.countPath("/api/v1/namespaces/default/configmaps") shouldBe 2
        server.requests.total() shouldBe 3
        server.requests.count("watch", "configmaps") shouldNotBe 1
    }
})

private suspend fun eventually(block: () -> Unit) {
    val deadline = System.nanoTime() + 5_000_000_000L
    while (true) {
        try { block(); return } catch (e: AssertionError) { if (System.nanoTime() > deadline) throw e }
        kotlinx.coroutines.delay(20)
    }
}
