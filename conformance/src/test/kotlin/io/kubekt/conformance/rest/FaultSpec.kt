package io.kubekt.conformance.rest

import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.WatchLines
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.configMapJson
import io.kubekt.conformance.support.rv
import io.kubekt.conformance.support.str
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.ResourceVersionMatch
import io.kubekt.test.KubeTestServer
import io.kubekt.test.RequestFilter
import kotlin.time.Duration.Companion.milliseconds

/**
 * Every fault kube-test injects, seen through the public client as a real server's failure looks
 * (issue item 5). All of them are skipped on a real cluster.
 */
class FaultSpec : ConformanceSpec({
    fun configMaps() = rest.get().namespace(namespace).resource("configmaps")
    fun watch(options: ListOptions) = rest.watch().namespace(namespace).resource("configmaps").params(options).stream()
    suspend fun create(name: String) = rest.post().namespace(namespace).resource("configmaps").body(configMapJson(name)).executeJson()
    suspend fun touch(name: String, value: String) =
        rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name(name).body("""{"data":{"v":"$value"}}""").executeJson()
    suspend fun currentRv() = configMaps().executeJson().rv()
    fun noRetry() = noRetryClient.rest().get().namespace(namespace).resource("configmaps")

    faultTest("failNext 429 answers TooManyRequests with Retry-After; the default client retries it") { server ->
        server.faults.failNext(1, 429, RequestFilter.of("list", "configmaps"), retryAfterSeconds = 1)
        val e = apiError { noRetry().executeJson() }
        e.code shouldBe 429
        e.reason shouldBe "TooManyRequests"
        e.status.message shouldBe "Too many requests, please try again later."
        e.retryAfterSeconds shouldBe 1

        val path = "/api/v1/namespaces/$namespace/configmaps"
        val before = server.requests.countPath(path)
        server.faults.failNext(1, 429, RequestFilter.of("list", "configmaps"), retryAfterSeconds = 0)
        configMaps().execute<ConfigMapList>().kind shouldBe "ConfigMapList"
        server.requests.countPath(path) - before shouldBe 2L
    }

    faultTest("failNext 500, 503 and 504 answer InternalError, ServiceUnavailable and Timeout Statuses") { server ->
        val expected = mapOf(500 to "InternalError", 503 to "ServiceUnavailable", 504 to "Timeout")
        for ((code, reason) in expected) {
            server.faults.failNext(1, code, RequestFilter.of("get", "configmaps"))
            val e = apiError { noRetryClient.rest().get().namespace(namespace).resource("configmaps").name("any").executeJson() }
            e.code shouldBe code
            e.reason shouldBe reason
            e.status.status shouldBe "Failure"
            e.isServerError shouldBe true
        }
        apiError { noRetryClient.rest().get().namespace(namespace).resource("configmaps").name("any").executeJson() }.code shouldBe 404
    }

    faultTest("failNext only hits requests matching its verb and resource, as many times as asked") { server ->
        create("counted")
        server.faults.failNext(2, 503, RequestFilter.of("update", "configmaps"))
        noRetry().name("counted").executeJson().str("metadata.name") shouldBe "counted"
        repeat(2) {
            apiError { noRetryClient.rest().put().namespace(namespace).resource("configmaps").name("counted").body(configMapJson("counted")).executeJson() }.code shouldBe 503
        }
        noRetryClient.rest().put().namespace(namespace).resource("configmaps").name("counted").body(configMapJson("counted")).executeJson()
    }

    faultTest("latency delays matching requests by at least the given time") { server ->
        server.faults.latency(java.time.Duration.ofMillis(400), RequestFilter.of("list", "configmaps"))
        val started = System.nanoTime()
        configMaps().executeJson()
        (System.nanoTime() - started) / 1_000_000 shouldBeGreaterThanOrEqual 400L
    }

    faultTest("dropWatches ends open watch streams at once, as a server closing its side") { server ->
        WatchLines(this, watch(ListOptions(resourceVersion = currentRv().toString()))).use { w ->
            w.next(300.milliseconds) shouldBe null
            server.faults.openWatches() shouldNotBe 0
            server.faults.dropWatches()
            w.awaitEnd() shouldBe true
        }
    }

    faultTest("dropWatchesAfter ends each open stream after that many more events") { server ->
        create("drop-after")
        WatchLines(this, watch(ListOptions(resourceVersion = currentRv().toString(), fieldSelector = "metadata.name=drop-after"))).use { w ->
            w.next(300.milliseconds) shouldBe null
            server.faults.dropWatchesAfter(2)
            touch("drop-after", "1")
            touch("drop-after", "2")
            touch("drop-after", "3")
            w.next()!!.str("object.data.v") shouldBe "1"
            w.next()!!.str("object.data.v") shouldBe "2"
            w.next() shouldBe null
        }
    }

    faultTest("stallWatches holds events back with the connection open; resumeWatches delivers them in order") { server ->
        create("stalled")
        WatchLines(this, watch(ListOptions(resourceVersion = currentRv().toString(), fieldSelector = "metadata.name=stalled"))).use { w ->
            w.next(300.milliseconds) shouldBe null
            server.faults.stallWatches()
            touch("stalled", "1")
            touch("stalled", "2")
            w.next(500.milliseconds) shouldBe null
            w.isOpen shouldBe true
            server.faults.resumeWatches()
            w.next()!!.str("object.data.v") shouldBe "1"
            w.next()!!.str("object.data.v") shouldBe "2"
        }
    }

    faultTest("after compactHistory a watch from an older resourceVersion gets one ERROR event with 410 Expired, then the stream ends (transcript 22)") { server ->
        val old = currentRv()
        create("compacted")
        server.faults.compactHistory()
        WatchLines(this, watch(ListOptions(resourceVersion = old.toString()))).use { w ->
            val event = w.next()!!
            event.str("type") shouldBe "ERROR"
            event.str("object.kind") shouldBe "Status"
            event.str("object.code") shouldBe "410"
            event.str("object.reason") shouldBe "Expired"
            event.str("object.message")!! shouldStartWith "too old resource version: $old ("
            w.awaitEnd() shouldBe true
        }
    }

    faultTest("after compactHistory an Exact list and a limited list at an older resourceVersion are 410 Expired (transcript 19)") { server ->
        val old = currentRv()
        create("compacted-list")
        server.faults.compactHistory()
        val exact = apiError { configMaps().params(ListOptions(resourceVersion = old.toString(), resourceVersionMatch = ResourceVersionMatch.EXACT)).executeJson() }
        exact.code shouldBe 410
        exact.reason shouldBe "Expired"
        exact.status.message shouldBe "The resourceVersion for the provided list is too old."
        val limited = apiError { configMaps().params(ListOptions(resourceVersion = old.toString(), limit = 2)).executeJson() }
        limited.code shouldBe 410
        limited.isExpired shouldBe true
    }

    timingTest("an expired continue token is 410 Expired with a fresh token to continue inconsistently", "when a continue token expires is up to etcd compaction") { server ->
        repeat(3) { create("page-$it") }
        val first = configMaps().params(ListOptions(limit = 1)).execute<ConfigMapList>()
        create("after-first-page") // compaction past the token's snapshot, as etcd compacts
        server.faults.compactHistory()
        val e = apiError { configMaps().params(ListOptions(limit = 1, continueToken = first.metadata!!.`continue`)).executeJson() }
        e.code shouldBe 410
        e.reason shouldBe "Expired"
        e.status.message!! shouldStartWith "The provided continue parameter is too old to display a consistent list result."
        val fresh = e.status.metadata!!.`continue`
        fresh shouldNotBe null
        configMaps().params(ListOptions(limit = 100, continueToken = fresh)).execute<ConfigMapList>().items.size shouldNotBe 0
    }

    faultTest("restart with kept state closes every connection, and objects survive") { server ->
        create("survivor")
        WatchLines(this, watch(ListOptions(resourceVersion = currentRv().toString()))).use { w ->
            w.next(300.milliseconds) shouldBe null
            server.faults.restart(keepState = true)
            w.awaitEnd() shouldBe true
        }
        configMaps().name("survivor").execute<ConfigMap>().metadata!!.name shouldBe "survivor"
    }

    kubeTestOnly("restart without state forgets every object and compacts old resourceVersions", "needs a kube-test server of its own") { _ ->
        KubeTestServer.builder().https(false).start().use { own ->
            io.kubekt.client.KubeClient(own.clientConfig()).use { c ->
                val before = c.rest().get().resource("namespaces").executeJson().rv()
                c.rest().post().resource("namespaces").body("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"lost"}}""").executeJson()
                own.faults.restart(keepState = false)
                apiError { c.rest().get().resource("namespaces").name("lost").executeJson() }.code shouldBe 404
                c.rest().get().resource("namespaces").name("default").executeJson().str("metadata.name") shouldBe "default"
                apiError { c.rest().get().resource("namespaces").params(ListOptions(resourceVersion = before.toString(), resourceVersionMatch = ResourceVersionMatch.EXACT)).executeJson() }.code shouldBe 410
            }
        }
    }

    kubeTestOnly("a watch further back than the configured history size is 410", "the history size is a kube-test setting") { _ ->
        KubeTestServer.builder().https(false).watchHistorySize(5).start().use { own ->
            io.kubekt.client.KubeClient(own.clientConfig()).use { c ->
                val from = c.rest().get().namespace("default").resource("configmaps").executeJson().rv()
                repeat(8) { c.rest().post().namespace("default").resource("configmaps").body(configMapJson("h-$it")).executeJson() }
                val line = c.rest().watch().namespace("default").resource("configmaps").params(ListOptions(resourceVersion = from.toString())).stream()
                WatchLines(this, line).use { w -> w.next()!!.str("object.code") shouldBe "410" }
            }
        }
    }

    faultTest("request counters count by verb and resource, and by path") { server ->
        val path = "/api/v1/namespaces/$namespace/configmaps/counted-get"
        val gets = server.requests.count("get", "configmaps")
        repeat(3) { apiError { configMaps().name("counted-get").executeJson() } }
        server.requests.countPath(path) shouldBe 3L
        server.requests.count("get", "configmaps") - gets shouldBe 3L
    }
})
