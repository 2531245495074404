package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.Fixtures.NS
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.items
import io.kubekt.test.support.names
import io.kubekt.test.support.rv
import io.kubekt.test.support.str
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.net.URLEncoder
import java.time.Duration
import java.util.Base64

private fun enc(s: String) = URLEncoder.encode(s, Charsets.UTF_8)

class ListSpec : FunSpec({
    val server = KubeTestServer.start { resourceVersionWait(Duration.ofMillis(200)) }
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)
    Fixtures.createConfigMap(client, "cm1", mapOf("app" to "web", "tier" to "front"))
    Fixtures.createConfigMap(client, "cm2", mapOf("app" to "api", "tier" to "back"))
    Fixtures.createConfigMap(client, "cm3", mapOf("app" to "db"))
    (1..5).forEach { Fixtures.createConfigMap(client, "page-$it", mapOf("app" to "page")) }

    fun names(selector: String) = client.get("$CM?labelSelector=${enc(selector)}").json.names()

    test("a list carries kind, apiVersion, the snapshot resourceVersion and items without type meta") {
        val list = client.get(CM).json
        list.str("kind") shouldBe "ConfigMapList"
        list.str("apiVersion") shouldBe "v1"
        list.rv() shouldBe server.currentResourceVersion().toLong()
        list.items().first().containsKey("kind") shouldBe false
    }

    test("label selectors: set-based with inequality, as recorded") {
        names("app in (web,api),tier!=back") shouldBe listOf("cm1")
    }

    test("label selectors: =, ==, !=, in, notin, exists and !exists") {
        names("app=web") shouldBe listOf("cm1")
        names("app==db") shouldBe listOf("cm3")
        names("app!=page,app!=db").filter { !it.startsWith("kube") } shouldBe listOf("cm1", "cm2")
        names("app notin (page,web)") shouldBe listOf("cm2", "cm3", "kube-root-ca.crt")
        names("tier") shouldBe listOf("cm1", "cm2")
        names("!tier") shouldBe listOf("cm3", "kube-root-ca.crt", "page-1", "page-2", "page-3", "page-4", "page-5")
    }

    test("a malformed label selector is 400 BadRequest") {
        val reply = client.get("$CM?labelSelector=${enc("app in (a")}")
        reply.code shouldBe 400
        reply.json.str("reason") shouldBe "BadRequest"
    }

    test("field selector on metadata.name, as recorded") {
        client.get("$CM?fieldSelector=${enc("metadata.name=cm1")}").json.names() shouldBe listOf("cm1")
        client.get("$CM?fieldSelector=${enc("metadata.name!=cm1,metadata.namespace=$NS")}").json.names().contains("cm1") shouldBe false
    }

    test("an unsupported field selector is 400 exactly as recorded") {
        val reply = client.get("$CM?fieldSelector=${enc("data.a=1")}")
        reply.code shouldBe 400
        reply.json shouldBe Transcripts.status("18-list-field-selector-unsupported")
    }

    test("pods accept spec.nodeName and status.phase field selectors") {
        val pods = "/api/v1/namespaces/$NS/pods"
        client.post(pods, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p1"},"spec":{"nodeName":"n1","containers":[]}}""").code shouldBe 201
        client.post(pods, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p2"},"spec":{"containers":[]}}""").code shouldBe 201
        client.get("$pods?fieldSelector=${enc("spec.nodeName=n1")}").json.names() shouldBe listOf("p1")
        client.get("$pods?fieldSelector=${enc("status.phase=Pending")}").json.names() shouldBe listOf("p1", "p2")
        client.get("$pods?fieldSelector=${enc("spec.nodeName=")}").json.names() shouldBe listOf("p2")
        client.get("$pods?fieldSelector=${enc("data.a=1")}").json.str("message") shouldBe "field label not supported: data.a"
    }

    test("limit and continue page over one snapshot, with the server's continue token format") {
        val first = client.get("$CM?limit=2&labelSelector=${enc("app=page")}").json
        first.names() shouldBe listOf("page-1", "page-2")
        val token = first.str("metadata.continue")!!
        val decoded = Json.parseToJsonElement(String(Base64.getUrlDecoder().decode(token))) as JsonObject
        decoded["v"] shouldBe JsonPrimitive("meta.k8s.io/v1")
        decoded["rv"] shouldBe JsonPrimitive(first.rv())
        decoded["start"] shouldBe JsonPrimitive("page-2\u0000")
        token.contains("=") shouldBe false

        client.delete("$CM/page-3").code shouldBe 200
        Fixtures.createConfigMap(client, "page-35", mapOf("app" to "page"))
        val second = client.get("$CM?limit=2&labelSelector=${enc("app=page")}&continue=$token").json
        second.names() shouldBe listOf("page-3", "page-4")
        second.rv() shouldBe first.rv()
        val third = client.get("$CM?limit=2&labelSelector=${enc("app=page")}&continue=${second.str("metadata.continue")}").json
        third.names() shouldBe listOf("page-5")
        third.at("metadata.continue") shouldBe null
    }

    test("an unfiltered limited list reports remainingItemCount") {
        val page = client.get("$CM?limit=1").json
        page.str("metadata.remainingItemCount")!!.toLong() shouldBe (client.get(CM).json.items().size - 1).toLong()
    }

    test("a continue token older than the history is 410 Expired with a token to continue inconsistently") {
        val token = client.get("$CM?limit=1").json.str("metadata.continue")!!
        Fixtures.createConfigMap(client, "later")
        server.faults.compactHistory()
        val reply = client.get("$CM?limit=1&continue=$token")
        reply.code shouldBe 410
        reply.json.str("reason") shouldBe "Expired"
        reply.json.str("message")!!.startsWith("The provided continue parameter is too old") shouldBe true
        val fresh = reply.json.str("metadata.continue")!!
        client.get("$CM?limit=100&continue=$fresh").code shouldBe 200
    }

    test("a limited list at an old resourceVersion is Exact, and 410 Expired once compacted, as recorded") {
        val reply = client.get("$CM?limit=2&resourceVersion=2")
        reply.code shouldBe 410
        reply.json shouldBe Transcripts.status("19-list-limited-old-resourceversion")
    }

    test("resourceVersionMatch=Exact returns the state at that resourceVersion") {
        val at = client.get(CM).json.rv()
        Fixtures.createConfigMap(client, "after-exact")
        client.delete("$CM/cm3").code shouldBe 200
        val exact = client.get("$CM?resourceVersion=$at&resourceVersionMatch=Exact").json
        exact.rv() shouldBe at
        exact.names().contains("after-exact") shouldBe false
        exact.names().contains("cm3") shouldBe true
        client.get("$CM?resourceVersion=$at&resourceVersionMatch=NotOlderThan").json.names().contains("after-exact") shouldBe true
        client.get("$CM?resourceVersion=0").json.rv() shouldBe server.currentResourceVersion().toLong()
    }

    test("a resourceVersion from the future is the Too large resource version Timeout, as recorded") {
        val current = server.currentResourceVersion()
        val reply = client.get("$CM?resourceVersion=99999999&resourceVersionMatch=NotOlderThan")
        reply.code shouldBe 504
        reply.header("retry-after") shouldBe "1"
        val expected = Transcripts.status("20-list-resourceversion-too-large").toString().replace("current: 13355", "current: $current")
        reply.json.toString() shouldBe expected
    }

    test("resourceVersionMatch without resourceVersion is 422 on ListOptions") {
        val reply = client.get("$CM?resourceVersionMatch=NotOlderThan")
        reply.code shouldBe 422
        reply.json.str("message") shouldBe "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: " +
            "resourceVersionMatch is forbidden unless resourceVersion is provided"
        reply.json.str("details.group") shouldBe "meta.k8s.io"
        reply.json.str("details.kind") shouldBe "ListOptions"
    }

    test("metadata-only lists are PartialObjectMetadataList, as recorded") {
        val reply = client.get("$CM?limit=1", accept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1")
        reply.json.str("kind") shouldBe "PartialObjectMetadataList"
        reply.json.str("apiVersion") shouldBe "meta.k8s.io/v1"
        val item = reply.json.items().single()
        item.str("kind") shouldBe "PartialObjectMetadata"
        item.at("data") shouldBe null
        item.str("metadata.name") shouldNotBe null
    }

    test("listing across namespaces and cluster-scoped resources") {
        client.get("/api/v1/configmaps").json.items().map { it.str("metadata.namespace") }.toSet().contains("default") shouldBe true
        client.get("/api/v1/namespaces").json.names().contains(NS) shouldBe true
    }
})
