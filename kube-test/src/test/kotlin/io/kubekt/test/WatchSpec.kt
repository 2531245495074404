package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.rv
import io.kubekt.test.support.str
import java.net.URLEncoder
import java.net.http.HttpClient
import java.time.Duration

private fun enc(s: String) = URLEncoder.encode(s, Charsets.UTF_8)

class WatchSpec : FunSpec({
    val server = KubeTestServer.start { bookmarkInterval(Duration.ofMillis(300)); watchHistorySize(50) }
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)

    test("an event arrives while the HTTP/2 stream is open") {
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from").use { w ->
            w.code shouldBe 200
            w.version shouldBe HttpClient.Version.HTTP_2
            w.next(Duration.ofMillis(300)) shouldBe null
            Fixtures.createConfigMap(client, "live")
            val event = w.next()!!
            event.str("type") shouldBe "ADDED"
            event.str("object.metadata.name") shouldBe "live"
            event.str("object.kind") shouldBe "ConfigMap"
        }
    }

    test("events after a resourceVersion come in order: MODIFIED and DELETED with new resourceVersions") {
        Fixtures.createConfigMap(client, "page-1", mapOf("app" to "page"))
        Fixtures.createConfigMap(client, "page-2", mapOf("app" to "page"))
        val from = client.get(CM).json.rv()
        client.patch("$CM/page-1", """{"data":{"k":"v"}}""").code shouldBe 200
        client.delete("$CM/page-2").code shouldBe 200
        client.watch("$CM?watch=true&resourceVersion=$from&allowWatchBookmarks=true&labelSelector=${enc("app=page")}").use { w ->
            val modified = w.next()!!
            modified.str("type") shouldBe "MODIFIED"
            modified.str("object.metadata.name") shouldBe "page-1"
            val deleted = w.next()!!
            deleted.str("type") shouldBe "DELETED"
            deleted.str("object.metadata.name") shouldBe "page-2"
            (deleted.at("object")!!.rv() > modified.at("object")!!.rv()) shouldBe true
        }
    }

    test("without a resourceVersion the watch starts with ADDED events for the current state") {
        client.watch("$CM?watch=true&labelSelector=${enc("app=page")}").use { w ->
            val first = w.next()!!
            first.str("type") shouldBe "ADDED"
            first.str("object.metadata.name") shouldBe "page-1"
            w.next(Duration.ofMillis(300)) shouldBe null
        }
    }

    test("a resourceVersion older than the history is a 200 stream with one ERROR event carrying 410 Expired") {
        repeat(60) { client.patch("$CM/page-1", """{"data":{"n":"$it"}}""") }
        client.watch("$CM?watch=true&resourceVersion=2").use { w ->
            w.code shouldBe 200
            val event = w.next()!!
            event.str("type") shouldBe "ERROR"
            val status = event.at("object")!!
            val expected = Transcripts.status("22-watch-too-old-resourceversion")
            status.toString().replace(Regex("\\(\\d+\\)"), "(N)") shouldBe expected.toString().replace("(13068)", "(N)")
            w.awaitEnd() shouldBe true
        }
    }

    test("timeoutSeconds ends the stream cleanly") {
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from&timeoutSeconds=1&fieldSelector=${enc("metadata.name=page-3")}").use { w ->
            w.code shouldBe 200
            w.awaitEnd(Duration.ofSeconds(4)) shouldBe true
        }
    }

    test("bookmarks carry only kind, apiVersion and the resourceVersion") {
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from&allowWatchBookmarks=true").use { w ->
            val event = w.next(Duration.ofSeconds(3))!!
            event.str("type") shouldBe "BOOKMARK"
            event.at("object").toString() shouldBe """{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"${server.currentResourceVersion()}"}}"""
        }
    }

    test("no bookmarks unless asked") {
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from").use { w -> w.next(Duration.ofMillis(900)) shouldBe null }
    }

    test("an object that stops matching the selector is DELETED, one that starts matching is ADDED") {
        Fixtures.createConfigMap(client, "mover", mapOf("app" to "in"))
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from&labelSelector=${enc("app=in")}").use { w ->
            client.patch("$CM/mover", """{"metadata":{"labels":{"app":"out"}}}""").code shouldBe 200
            w.next()!!.str("type") shouldBe "DELETED"
            client.patch("$CM/mover", """{"metadata":{"labels":{"app":"in"}}}""").code shouldBe 200
            w.next()!!.str("type") shouldBe "ADDED"
        }
    }

    test("resourceVersionMatch on a watch is rejected unless sendInitialEvents is set") {
        val reply = client.get("$CM?watch=true&resourceVersionMatch=NotOlderThan")
        reply.code shouldBe 422
        reply.json.str("details.causes.0.message") shouldBe "Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"
    }

    test("sendInitialEvents sends the state, then a bookmark marking the end of initial events, then live events") {
        client.watch("$CM?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&labelSelector=${enc("app=page")}").use { w ->
            w.next()!!.str("object.metadata.name") shouldBe "page-1"
            val end = w.next()!!
            end.str("type") shouldBe "BOOKMARK"
            end.at("object.metadata.annotations").toString() shouldBe """{"k8s.io/initial-events-end":"true"}"""
            Fixtures.createConfigMap(client, "page-9", mapOf("app" to "page"))
            var next = w.next()!!
            while (next.str("type") == "BOOKMARK") next = w.next()!!
            next.str("type") shouldBe "ADDED"
            next.str("object.metadata.name") shouldBe "page-9"
        }
    }

    test("a watch in one namespace does not see another namespace's events") {
        Fixtures.namespace(client, "elsewhere")
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from").use { w ->
            Fixtures.createConfigMap(client, "far", ns = "elsewhere")
            Fixtures.createConfigMap(client, "near")
            w.next()!!.str("object.metadata.name") shouldBe "near"
        }
    }

    test("metadata-only watches send PartialObjectMetadata") {
        val from = client.get(CM).json.rv()
        client.watch("$CM?watch=true&resourceVersion=$from", accept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1").use { w ->
            Fixtures.createConfigMap(client, "meta-only")
            val event = w.next()!!
            event.str("object.kind") shouldBe "PartialObjectMetadata"
            event.str("object.metadata.name") shouldBe "meta-only"
            event.at("object.data") shouldBe null
        }
    }

    test("a watch over HTTP/1.1 streams too") {
        val from = client.get(CM).json.rv()
        TestClient(server, version = HttpClient.Version.HTTP_1_1).watch("$CM?watch=true&resourceVersion=$from").use { w ->
            w.version shouldBe HttpClient.Version.HTTP_1_1
            Fixtures.createConfigMap(client, "h1")
            w.next()!!.str("object.metadata.name") shouldNotBe null
        }
    }
})
