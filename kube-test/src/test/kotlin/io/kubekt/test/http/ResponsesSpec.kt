package io.kubekt.test.http

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kubekt.test.KubeTestServer
import io.kubekt.test.support.TestClient
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.put
import java.net.http.HttpClient

class ResponsesSpec : FunSpec({
    fun list(n: Int): JsonObject = buildJsonObject {
        put("kind", "ConfigMapList")
        put("apiVersion", "v1")
        put("metadata", buildJsonObject { put("resourceVersion", "42"); put("continue", "a\"b\\c") })
        put("items", buildJsonArray {
            repeat(n) { i ->
                add(buildJsonObject {
                    put("metadata", buildJsonObject { put("name", "cm-$i"); put("namespace", "ns") })
                    put("data", buildJsonObject { put("k\u00e9y \"$i\"", "v\u00fcl\nue\u2028$i") })
                })
            }
        })
        put("after", buildJsonObject { put("x", 1) })
    }

    test("a list encoded in parts is byte for byte the compact encoding of the whole") {
        for (n in listOf(0, 1, 2, 65, 300)) {
            val body = list(n)
            Responses.parts(body).fold(ByteArray(0)) { acc, part -> acc + part }.toList() shouldBe Responses.compact(body).toList()
        }
    }

    test("each part holds at most one item, so no part grows with the list") {
        val parts = Responses.parts(list(300))
        parts.size shouldBe 2 * 300 + 1
        parts.sumOf { it.size } shouldBeGreaterThan 25_000
        parts.maxOf { it.size } shouldBeLessThan 200
    }

    test("a list served in parts keeps its Content-Length and body over HTTP/2 and HTTP/1.1") {
        KubeTestServer.start().use { server ->
            val count = Responses.CHUNKED_ITEMS * 2
            TestClient(server).apply {
                post("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"parts"}}""").code shouldBe 201
                repeat(count) { i ->
                    post("/api/v1/namespaces/parts/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-$i"},"data":{"i":"$i"}}""").code shouldBe 201
                }
            }
            for (version in listOf(HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1)) {
                val reply = TestClient(server, version = version).get("/api/v1/namespaces/parts/configmaps")
                reply.code shouldBe 200
                reply.version shouldBe version
                reply.header("content-length") shouldBe reply.text.toByteArray().size.toString()
                val items = Json.parseToJsonElement(reply.text).jsonObject["items"] as JsonArray
                // every namespace also gets its kube-root-ca.crt ConfigMap
                items.map { it.jsonObject["metadata"]!!.jsonObject["name"].toString().trim('"') }.filter { it.startsWith("cm-") }.toSet() shouldBe (0 until count).map { "cm-$it" }.toSet()
            }
        }
    }
})
