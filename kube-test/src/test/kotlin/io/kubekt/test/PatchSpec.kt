package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.rv
import io.kubekt.test.support.str

class PatchSpec : FunSpec({
    val server = KubeTestServer.start()
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)
    client.post(CM, Fixtures.configMap("cm1", mapOf("app" to "web"), """{"a":"1"}""")).code shouldBe 201

    test("a JSON patch adds a key when its test holds") {
        val before = client.get("$CM/cm1").json.rv()
        val reply = client.patch("$CM/cm1", """[{"op":"add","path":"/data/b","value":"2"},{"op":"test","path":"/data/a","value":"1"}]""", "application/json-patch+json")
        reply.code shouldBe 200
        reply.json.str("data.b") shouldBe "2"
        (reply.json.rv() > before) shouldBe true
    }

    test("a JSON patch whose test fails is 422 as recorded and changes nothing") {
        val before = client.get("$CM/cm1").json
        val reply = client.patch("$CM/cm1", """[{"op":"test","path":"/data/a","value":"nope"}]""", "application/json-patch+json")
        reply.code shouldBe 422
        reply.json shouldBe Transcripts.status("26-patch-json-patch-test-fails")
        client.get("$CM/cm1").json shouldBe before
    }

    test("JSON patch replace, remove, move and copy with escaped pointers") {
        client.patch("$CM/cm1", """[{"op":"add","path":"/metadata/annotations","value":{"a/b":"x"}}]""", "application/json-patch+json").code shouldBe 200
        val reply = client.patch("$CM/cm1", """[
            {"op":"replace","path":"/data/a","value":"10"},
            {"op":"copy","from":"/data/a","path":"/data/c"},
            {"op":"move","from":"/metadata/annotations/a~1b","path":"/metadata/annotations/moved"},
            {"op":"remove","path":"/data/b"}]""", "application/json-patch+json")
        reply.code shouldBe 200
        reply.json.at("data").toString() shouldBe """{"a":"10","c":"10"}"""
        reply.json.at("metadata.annotations").toString() shouldBe """{"moved":"x"}"""
    }

    test("a merge patch sets and removes keys") {
        val reply = client.patch("$CM/cm1", """{"data":{"c":null,"d":"4"}}""")
        reply.code shouldBe 200
        reply.json.at("data").toString() shouldBe """{"a":"10","d":"4"}"""
    }

    test("a merge patch carrying a stale resourceVersion is 409 Conflict") {
        val reply = client.patch("$CM/cm1", """{"metadata":{"resourceVersion":"1"},"data":{"x":"y"}}""")
        reply.code shouldBe 409
        reply.json.str("reason") shouldBe "Conflict"
    }

    test("an unknown patch type is 415 UnsupportedMediaType listing the four accepted types of a built-in resource") {
        val reply = client.patch("$CM/cm1", """{"data":{"x":"y"}}""", "application/xml")
        reply.code shouldBe 415
        reply.json.str("reason") shouldBe "UnsupportedMediaType"
        reply.json.str("message") shouldBe "the body of the request was in an unknown format - accepted media types include: " +
            "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml"
    }

    test("patching a missing object is 404") {
        client.patch("$CM/none", """{"data":{}}""").code shouldBe 404
    }

    test("a malformed patch body is 400 BadRequest") {
        client.patch("$CM/cm1", "{not json").code shouldBe 400
    }
})
