package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldMatch
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.Fixtures.NS
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.names
import io.kubekt.test.support.rv
import io.kubekt.test.support.str
import kotlinx.serialization.json.JsonArray

class CreateUpdateSpec : FunSpec({
    val server = KubeTestServer.start()
    val client = TestClient(server)
    afterSpec { server.close() }
    Fixtures.namespace(client)

    test("a created namespace is Active with the kubernetes finalizer, as recorded") {
        val reply = client.post("/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ns-a"}}""")
        reply.code shouldBe 201
        reply.json.str("status.phase") shouldBe "Active"
        (reply.json.at("spec.finalizers") as JsonArray).toString() shouldBe """["kubernetes"]"""
        reply.json.str("metadata.uid")!! shouldMatch Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        reply.json.str("metadata.creationTimestamp")!! shouldMatch Regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
        reply.json.at("metadata.generation") shouldBe null
    }

    test("a new namespace gets the default ServiceAccount and the kube-root-ca.crt ConfigMap") {
        client.get("/api/v1/namespaces/$NS/serviceaccounts").json.names() shouldBe listOf("default")
        val root = client.get("$CM/kube-root-ca.crt")
        root.code shouldBe 200
        (root.json.at("data") as kotlinx.serialization.json.JsonObject)["ca.crt"].toString().contains("BEGIN CERTIFICATE") shouldBe true
    }

    test("create answers 201 with the object, a uid and a resourceVersion greater than any before") {
        val before = server.currentResourceVersion().toLong()
        val reply = client.post(CM, Fixtures.configMap("cm1", mapOf("app" to "web", "tier" to "front"), """{"a":"1"}"""))
        reply.code shouldBe 201
        reply.json.str("kind") shouldBe "ConfigMap"
        reply.json.str("metadata.namespace") shouldBe NS
        (reply.json.rv() > before) shouldBe true
        reply.json.at("metadata.generation") shouldBe null
    }

    test("creating an existing name is 409 AlreadyExists exactly as a real server says") {
        val reply = client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm1"}}""")
        reply.code shouldBe 409
        reply.json shouldBe Transcripts.status("08-create-conflict-already-exists")
    }

    test("generateName gets a five-character random suffix") {
        val reply = client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"gen-"}}""")
        reply.code shouldBe 201
        reply.json.str("metadata.name")!! shouldMatch Regex("gen-[bcdfghjklmnpqrstvwxz2456789]{5}")
        reply.json.str("metadata.generateName") shouldBe "gen-"
    }

    test("an invalid name is 422 Invalid with the DNS-1123 cause, field for field") {
        val reply = client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name!"}}""")
        reply.code shouldBe 422
        reply.json shouldBe Transcripts.status("10-create-invalid-name")
    }

    test("a namespace name must be a DNS-1123 label") {
        val reply = client.post("/api/v1/namespaces", """{"metadata":{"name":"a.b"}}""")
        reply.code shouldBe 422
        reply.json.str("details.causes.0.message")!!.contains("a DNS-1123 label") shouldBe true
    }

    test("a missing name is 422 Invalid: name or generateName is required") {
        val reply = client.post(CM, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}""")
        reply.code shouldBe 422
        reply.json.str("details.causes.0.reason") shouldBe "FieldValueRequired"
        reply.json.str("details.causes.0.message") shouldBe "Required value: name or generateName is required"
        reply.json.str("details.causes.0.field") shouldBe "metadata.name"
    }

    test("creating in a missing namespace is 404 for the namespace, as recorded") {
        val reply = client.post("/api/v1/namespaces/nope/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}""")
        reply.code shouldBe 404
        reply.json shouldBe Transcripts.status("11-create-in-missing-namespace")
    }

    test("getting a missing object is 404 NotFound as recorded") {
        val reply = client.get("$CM/missing")
        reply.code shouldBe 404
        reply.json shouldBe Transcripts.status("12-get-not-found")
    }

    test("a namespaced resource under a cluster path or an unknown resource is 404") {
        client.get("/api/v1/configmaps/cm1").code shouldBe 404
        client.get("/api/v1/namespaces/$NS/nothings").json.str("message") shouldBe "the server could not find the requested resource"
    }

    test("the all-namespaces collection of a namespaced resource accepts no create") {
        client.post("/api/v1/configmaps", Fixtures.configMap("nowhere")).code shouldBe 405
        client.get("/api/v1/configmaps").code shouldBe 200
    }

    test("an update with a stale resourceVersion is 409 Conflict as recorded") {
        val reply = client.put("$CM/cm1", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm1","resourceVersion":"1"},"data":{"a":"2"}}""")
        reply.code shouldBe 409
        reply.json shouldBe Transcripts.status("13-update-stale-resourceversion")
    }

    test("an update at the current resourceVersion succeeds with a new one, and an unchanged object keeps it") {
        val current = client.get("$CM/cm1").json
        val body = current.toString().replace("\"a\":\"1\"", "\"a\":\"2\"")
        val updated = client.put("$CM/cm1", body)
        updated.code shouldBe 200
        updated.json.str("data.a") shouldBe "2"
        (updated.json.rv() > current.rv()) shouldBe true
        updated.json.str("metadata.uid") shouldBe current.str("metadata.uid")
        client.put("$CM/cm1", updated.text).json.rv() shouldBe updated.json.rv()
    }

    test("an update naming another object is 400 BadRequest") {
        val reply = client.put("$CM/cm1", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}""")
        reply.code shouldBe 400
        reply.json.str("message") shouldBe "the name of the object (other) does not match the name on the URL (cm1)"
    }

    test("dryRun=All answers 201 without a resourceVersion and stores nothing") {
        val reply = client.post("$CM?dryRun=All", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dry"}}""")
        reply.code shouldBe 201
        reply.json.str("metadata.name") shouldBe "dry"
        reply.json.at("metadata.resourceVersion") shouldBe null
        reply.json.str("metadata.uid") shouldNotBe null
        client.get("$CM/dry").code shouldBe 404
    }

    test("a Deployment keeps generation: 1 on create, same on a label change, bumped on a spec change") {
        val created = client.post(Fixtures.DEPLOY, Fixtures.DEPLOYMENT)
        created.code shouldBe 201
        created.json.str("metadata.generation") shouldBe "1"
        created.json.at("status").shouldBeInstanceOf<kotlinx.serialization.json.JsonObject>()
        client.patch("${Fixtures.DEPLOY}/web", """{"metadata":{"labels":{"x":"y"}}}""").json.str("metadata.generation") shouldBe "1"
        client.patch("${Fixtures.DEPLOY}/web", """{"spec":{"replicas":3}}""").json.str("metadata.generation") shouldBe "2"
    }

    test("the status subresource ignores spec, and the main resource ignores status") {
        val patched = client.patch("${Fixtures.DEPLOY}/web/status", """{"spec":{"replicas":9},"status":{"observedGeneration":1}}""")
        patched.code shouldBe 200
        patched.json.str("spec.replicas") shouldBe "3"
        patched.json.str("status.observedGeneration") shouldBe "1"
        val main = client.patch("${Fixtures.DEPLOY}/web", """{"status":{"observedGeneration":7}}""")
        main.json.str("status.observedGeneration") shouldBe "1"
    }

    test("the scale subresource reads and writes spec.replicas as autoscaling/v1 Scale") {
        val scale = client.get("${Fixtures.DEPLOY}/web/scale")
        scale.code shouldBe 200
        scale.json.str("kind") shouldBe "Scale"
        scale.json.str("apiVersion") shouldBe "autoscaling/v1"
        scale.json.str("spec.replicas") shouldBe "3"
        scale.json.str("status.selector") shouldBe "app=web"
        val updated = client.put("${Fixtures.DEPLOY}/web/scale", """{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"spec":{"replicas":5}}""")
        updated.code shouldBe 200
        updated.json.str("spec.replicas") shouldBe "5"
        client.get("${Fixtures.DEPLOY}/web").json.str("spec.replicas") shouldBe "5"
        client.patch("${Fixtures.DEPLOY}/web/scale", """{"spec":{"replicas":2}}""").json.str("spec.replicas") shouldBe "2"
    }

    test("ConfigMaps have no scale subresource") {
        client.get("$CM/cm1/scale").code shouldBe 404
    }
})
