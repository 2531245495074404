package io.kubekt.test.patch

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.test.ResourceType
import io.kubekt.test.api.ApiError
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import io.kubekt.test.support.str
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject

private fun obj(text: String) = Json.parseToJsonElement(text) as JsonObject
private val deployments = ResourceType.builder("apps", "v1", "deployments", "Deployment").statusSubresource().build()
private val configMaps = ResourceType.builder("", "v1", "configmaps", "ConfigMap").build()
private fun entries(o: JsonObject) = (o.at("metadata.managedFields") as JsonArray).map { it as JsonObject }
private fun fieldsOf(o: JsonObject, manager: String) = entries(o).single { it.str("manager") == manager }["fieldsV1"] as JsonObject
private fun replicas(n: Int) = obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":$n}}""")

class ServerSideApplySpec : FunSpec({
    val recorded = Transcripts.status("30-patch-strategic-merge-delete-directive")

    test("fieldsV1 read and written again is byte for byte the recorded set") {
        val fields = fieldsOf(recorded, "curl")
        FieldSet.fromJson(fields).toJson().toString() shouldBe fields.toString()
    }

    test("paths print as conflict messages print them") {
        FieldSet.pathString(listOf("f:spec", "f:template", "f:spec", "f:containers", """k:{"name":"a"}""", "f:image")) shouldBe
            """.spec.template.spec.containers[name="a"].image"""
        FieldSet.pathString(listOf("f:metadata", "f:finalizers", """v:"x"""")) shouldBe """.metadata.finalizers[="x"]"""
    }

    test("an applied configuration owns its leaves, list items and map entries, not the structs holding them") {
        val config = obj("""{"metadata":{"labels":{"a":"1"}},"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"i","args":["x"]}]}}}}""")
        ObjectFields.of(config, Ownership.schema(deployments)).toJson().toString() shouldBe
            """{"f:metadata":{"f:labels":{"f:a":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:args":{},"f:image":{},"f:name":{}}}}}}}"""
    }

    test("applying a field another manager set to a different value is the recorded conflict") {
        val a = shouldThrow<ApiError> { ServerSideApply.apply(deployments, recorded, replicas(3), "manager-a", false, null) }
        a.code shouldBe 409
        a.status shouldBe Transcripts.status("32-apply-server-side-manager-a")
        val b = shouldThrow<ApiError> { ServerSideApply.apply(deployments, recorded, replicas(5), "manager-b", false, null) }
        b.status shouldBe Transcripts.status("33-apply-server-side-conflict-manager-b")
    }

    test("a forced apply takes the field over, as recorded") {
        val next = ServerSideApply.apply(deployments, recorded, replicas(5), "manager-b", true, null)
        val expected = Transcripts.status("34-apply-server-side-force-manager-b")
        next.at("spec.replicas").toString() shouldBe "5"
        entries(next).map { it.str("manager") to it.str("operation") } shouldBe
            listOf("manager-b" to "Apply", "curl" to "Update", "kube-controller-manager" to "Update")
        fieldsOf(next, "manager-b") shouldBe fieldsOf(expected, "manager-b")
        val curlBefore = FieldSet.fromJson(fieldsOf(recorded, "curl"))
        FieldSet.fromJson(fieldsOf(next, "curl")) shouldBe curlBefore.minus(FieldSet().apply { insert(listOf("f:spec", "f:replicas")) })
    }

    test("applying the value another manager already set shares the field without conflict") {
        val next = ServerSideApply.apply(deployments, recorded, replicas(1), "manager-a", false, null)
        FieldSet.fromJson(fieldsOf(next, "curl")).contains(listOf("f:spec", "f:replicas")) shouldBe true
        fieldsOf(next, "manager-a").toString() shouldBe """{"f:spec":{"f:replicas":{}}}"""
    }

    test("a field the manager applied before and no longer applies is removed unless another manager owns it") {
        val cm = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}"""
        val first = ServerSideApply.apply(configMaps, null, obj("""$cm,"data":{"a":"1","b":"2","c":"3"}}"""), "m", false, null)
        val shared = Ownership.recordUpdate(configMaps, first, obj(first.toString().replace("\"3\"", "\"33\"")), "other", null)
        val second = ServerSideApply.apply(configMaps, shared, obj("""$cm,"data":{"a":"1"}}"""), "m", false, null)
        second.at("data").toString() shouldBe """{"a":"1","c":"33"}"""
        fieldsOf(second, "m").toString() shouldBe """{"f:data":{"f:a":{}}}"""
    }

    test("map lists merge by key: applied items join the live ones, which keep their owners") {
        val live = ServerSideApply.apply(deployments, null, obj(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"a","image":"1"}]}}}}""",
        ), "first", false, null)
        val next = ServerSideApply.apply(deployments, live, obj(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"b","image":"2"}]}}}}""",
        ), "second", false, null)
        next.at("spec.template.spec.containers").toString() shouldBe """[{"name":"a","image":"1"},{"name":"b","image":"2"}]"""
        FieldSet.fromJson(fieldsOf(next, "first")).contains(listOf("f:spec", "f:template", "f:spec", "f:containers", """k:{"name":"a"}""", "f:image")) shouldBe true
    }

    test("an atomic list is replaced by the applied one and conflicts as one field") {
        val live = ServerSideApply.apply(deployments, null, obj(
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"a","args":["x","y"]}]}}}}""",
        ), "first", false, null)
        val e = shouldThrow<ApiError> {
            ServerSideApply.apply(deployments, live, obj(
                """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"a","args":["z"]}]}}}}""",
            ), "second", false, null)
        }
        e.status.str("message") shouldBe """Apply failed with 1 conflict: conflict with "first": .spec.template.spec.containers[name="a"].args"""
    }

    test("several conflicts are listed by manager") {
        val live = ServerSideApply.apply(configMaps, null, obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1","b":"2"}}"""), "x", false, null)
        val e = shouldThrow<ApiError> {
            ServerSideApply.apply(configMaps, live, obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"9","b":"9"}}"""), "y", false, null)
        }
        e.status.str("message") shouldBe "Apply failed with 2 conflicts: conflicts with \"x\":\n- .data.a\n- .data.b"
        (e.status.at("details.causes") as JsonArray).size shouldBe 2
    }

    test("an update records what changed for its manager and takes changed fields from others") {
        val created = Ownership.recordUpdate(configMaps, null, obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"l":"1"}},"data":{"a":"1"}}"""), "curl", null)
        fieldsOf(created, "curl").toString() shouldBe """{"f:data":{".":{},"f:a":{}},"f:metadata":{"f:labels":{".":{},"f:l":{}}}}"""
        val updated = Ownership.recordUpdate(configMaps, created, obj(created.toString().replace("\"a\":\"1\"", "\"a\":\"2\",\"b\":\"3\"")), "editor", null)
        fieldsOf(updated, "editor").toString() shouldBe """{"f:data":{"f:a":{},"f:b":{}}}"""
        fieldsOf(updated, "curl").toString() shouldBe """{"f:data":{},"f:metadata":{"f:labels":{".":{},"f:l":{}}}}"""
    }
})
