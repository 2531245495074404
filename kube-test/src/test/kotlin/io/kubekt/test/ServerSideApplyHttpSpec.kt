package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.test.support.Fixtures
import io.kubekt.test.support.Fixtures.CM
import io.kubekt.test.support.Fixtures.DEPLOY
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.str
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject

private const val SMP = "application/strategic-merge-patch+json"
private const val APPLY = "application/apply-patch+yaml"

private fun JsonObject.managers(): List<Pair<String?, String?>> =
    (at("metadata.managedFields") as JsonArray).map { (it as JsonObject).str("manager") to it.str("operation") }

private fun JsonObject.fieldsOf(manager: String, operation: String = "Update"): String =
    (at("metadata.managedFields") as JsonArray).map { it as JsonObject }
        .single { it.str("manager") == manager && it.str("operation") == operation }["fieldsV1"].toString()

/** The recorded transcripts 28-34 and 50 replayed over HTTP: strategic merge patch, server-side apply and managedFields. */
class ServerSideApplyHttpSpec : FunSpec({
    val server = KubeTestServer.start()
    val curl = TestClient(server, userAgent = "curl/7.68.0")
    afterSpec { server.close() }
    Fixtures.namespace(curl)
    val created = curl.post(DEPLOY, """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a:1","env":[{"name":"X","value":"1"}]},{"name":"b","image":"img-b:1"}]}}}}""")

    test("a create records an Update entry for the manager named by the user agent") {
        created.code shouldBe 201
        val entry = (created.json.at("metadata.managedFields") as JsonArray).single() as JsonObject
        entry.keys.toList() shouldBe listOf("manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1")
        entry.str("manager") shouldBe "curl"
        entry.str("apiVersion") shouldBe "apps/v1"
        entry.str("fieldsType") shouldBe "FieldsV1"
        // A LabelSelector is an atomic map in current schemas (the recorded 1.19 server listed its leaves).
        entry["fieldsV1"].toString() shouldStartWith """{"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}}"""
        entry["fieldsV1"].toString().contains("""k:{\"name\":\"a\"}":{".":{},"f:env":{".":{},"k:{\"name\":\"X\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:name":{}}""") shouldBe true
    }

    test("a strategic merge patch merges containers by name as recorded, and the patching manager owns the new env var") {
        val reply = curl.patch("$DEPLOY/web", """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"img-a:2","env":[{"name":"Y","value":"2"}]}]}}}}""", SMP)
        reply.code shouldBe 200
        val recorded = Transcripts.status("29-patch-strategic-merge-containers")
        reply.json.at("spec.template.spec.containers").toString() shouldBe
            """[{"name":"a","image":"img-a:2","env":[{"name":"Y","value":"2"},{"name":"X","value":"1"}]},{"name":"b","image":"img-b:1"}]"""
        reply.json.str("spec.template.spec.containers.0.env.0.name") shouldBe recorded.str("spec.template.spec.containers.0.env.0.name")
        reply.json.managers() shouldBe listOf("curl" to "Update")
        reply.json.fieldsOf("curl").contains("""k:{\"name\":\"Y\"}""") shouldBe true
    }

    test("the delete directive removes container b as recorded, and its fields leave the owner's set") {
        val reply = curl.patch("$DEPLOY/web", """{"spec":{"template":{"spec":{"containers":[{"name":"b","${'$'}patch":"delete"}]}}}}""", SMP)
        reply.code shouldBe 200
        reply.json.at("spec.template.spec.containers").toString() shouldBe
            """[{"name":"a","image":"img-a:2","env":[{"name":"Y","value":"2"},{"name":"X","value":"1"}]}]"""
        reply.json.fieldsOf("curl").contains("""k:{\"name\":\"b\"}""") shouldBe false
    }

    test("applying a field another manager owns with a different value is the recorded 409, for each manager") {
        val a = curl.patch("$DEPLOY/web?fieldManager=manager-a", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":3}}""", APPLY)
        a.code shouldBe 409
        a.json shouldBe Transcripts.status("32-apply-server-side-manager-a")
        val b = curl.patch("$DEPLOY/web?fieldManager=manager-b", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":5}}""", APPLY)
        b.code shouldBe 409
        b.json shouldBe Transcripts.status("33-apply-server-side-conflict-manager-b")
        curl.get("$DEPLOY/web").json.str("spec.replicas") shouldBe "1"
    }

    test("a forced apply sets the field and moves its ownership, as recorded") {
        val reply = curl.patch("$DEPLOY/web?fieldManager=manager-b&force=true", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":5}}""", APPLY)
        reply.code shouldBe 200
        val recorded = Transcripts.status("34-apply-server-side-force-manager-b")
        reply.json.str("spec.replicas") shouldBe "5"
        reply.json.managers() shouldBe listOf("manager-b" to "Apply", "curl" to "Update")
        reply.json.fieldsOf("manager-b", "Apply") shouldBe recorded.fieldsOf("manager-b", "Apply")
        reply.json.fieldsOf("curl").contains("f:replicas") shouldBe false
        curl.get("$DEPLOY/web").json.managers() shouldBe listOf("manager-b" to "Apply", "curl" to "Update")
    }

    test("a strategic merge patch on a custom resource is the recorded 415") {
        curl.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Fixtures.CRD).code shouldBe 201
        val widgets = "/apis/example.com/v1/namespaces/${Fixtures.NS}/widgets"
        curl.post(widgets, """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":1}}""").code shouldBe 201
        val reply = curl.patch("$widgets/w1", """{"spec":{"size":3}}""", SMP)
        reply.code shouldBe 415
        reply.json shouldBe Transcripts.status("50-custom-resource-strategic-merge-unsupported")
        val applied = curl.patch("$widgets/w1?fieldManager=tool&force=true", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 3\n", APPLY)
        applied.code shouldBe 200
        applied.json.str("spec.size") shouldBe "3"
        // The test CRD's schema declares no fields (it preserves unknown ones): spec is a map entry, owned itself.
        applied.json.fieldsOf("tool", "Apply") shouldBe """{"f:spec":{".":{},"f:size":{}}}"""
        applied.json.fieldsOf("curl").contains("f:size") shouldBe false
    }

    test("apply creates a missing object from YAML with 201 and an Apply entry") {
        val yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  labels:\n    app: web\ndata:\n  a: \"1\"\n  b: two\n"
        val reply = curl.patch("$CM/applied?fieldManager=tool", yaml, APPLY)
        reply.code shouldBe 201
        reply.json.at("data").toString() shouldBe """{"a":"1","b":"two"}"""
        reply.json.managers() shouldBe listOf("tool" to "Apply")
        reply.json.fieldsOf("tool", "Apply") shouldBe """{"f:data":{"f:a":{},"f:b":{}},"f:metadata":{"f:labels":{"f:app":{}}}}"""
    }

    test("re-applying without a field removes it, unless another manager owns it too") {
        curl.patch("$CM/applied?fieldManager=editor", """{"data":{"b":"TWO"}}""").code shouldBe 200
        val reply = curl.patch("$CM/applied?fieldManager=tool", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"},"data":{"c":"3"}}""", APPLY)
        reply.code shouldBe 200
        reply.json.at("data").toString() shouldBe """{"b":"TWO","c":"3"}"""
        reply.json.str("metadata.labels.app") shouldBe null
        reply.json.managers() shouldBe listOf("tool" to "Apply", "editor" to "Update")
    }

    test("apply without fieldManager is 422 on PatchOptions, and force is refused on other patch types") {
        val missing = curl.patch("$CM/applied", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"}}""", APPLY)
        missing.code shouldBe 422
        missing.json.str("message") shouldBe "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"
        curl.patch("$CM/applied?force=true", """{"data":{}}""").code shouldBe 422
    }

    test("an update without managedFields in its body keeps them, and records the updating manager") {
        val live = curl.get("$CM/applied").json
        val meta = JsonObject((live["metadata"] as JsonObject).filterKeys { it != "managedFields" })
        val body = JsonObject(live + ("metadata" to meta)).toString().replace(""""c":"3"""", """"c":"3","d":"4"""")
        val reply = TestClient(server, userAgent = "kubectl/v1.32.0 (linux/amd64)").put("$CM/applied", body)
        reply.code shouldBe 200
        reply.json.managers() shouldBe listOf("tool" to "Apply", "editor" to "Update", "kubectl" to "Update")
        reply.json.fieldsOf("kubectl") shouldBe """{"f:data":{"f:d":{}}}"""
        reply.json.fieldsOf("tool", "Apply") shouldBe """{"f:data":{"f:c":{}}}"""
    }
})
