package io.kubekt.conformance.typed

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.autoscaling.v1.Scale
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.error.ApiException
import io.kubekt.request.CreateOptions
import io.kubekt.request.PatchType
import io.kubekt.request.UpdateOptions
import kotlinx.serialization.json.Json

private fun deployment(name: String) = Deployment {
    metadata { this.name = name }
    spec {
        replicas = 1
        selector { matchLabels = mapOf("app" to name) }
        template {
            metadata { labels = mapOf("app" to name) }
            spec {
                container { this.name = "app"; image = "nginx:1.27" }
                container { this.name = "sidecar"; image = "busybox:1.36" }
            }
        }
    }
}

/** Strategic merge on a Deployment's containers, server-side apply conflicts, force and partial ownership, the scale subresource. */
class PatchAndApplyTypedSpec : ConformanceSpec({
    test("a strategic merge patch merges containers by name, keeping the others") {
        val deployments = client.appsV1().deployments(namespace)
        deployments.create(deployment("smp"))
        val patched = deployments.patch(
            "smp", PatchType.STRATEGIC_MERGE,
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox:1.37"}]}}}}""",
        )
        val containers = patched.spec?.template?.spec?.containers!!
        containers.map { it.name to it.image } shouldBe listOf("app" to "nginx:1.27", "sidecar" to "busybox:1.37")
    }

    test("apply by a second manager of a field another owns is a Conflict naming it; force takes the field over") {
        val configMaps = client.coreV1().configMaps(namespace)
        configMaps.apply(ConfigMap { metadata { name = "ssa" }; data = mapOf("key" to "one") }, fieldManager = "manager-one")
        val conflict = shouldThrow<ApiException> {
            configMaps.apply(ConfigMap { metadata { name = "ssa" }; data = mapOf("key" to "two") }, fieldManager = "manager-two")
        }
        conflict.isConflict shouldBe true
        conflict.message shouldContain "manager-one"
        conflict.status.message shouldBe "Apply failed with 1 conflict: conflict with \"manager-one\": .data.key"
        val cause = conflict.status.details?.causes!!.single()
        cause.reason shouldBe "FieldManagerConflict"
        cause.field shouldBe ".data.key"
        val forced = configMaps.apply(ConfigMap { metadata { name = "ssa" }; data = mapOf("key" to "two") }, fieldManager = "manager-two", force = true)
        forced.data shouldBe mapOf("key" to "two")
        forced.metadata?.managedFields!!.map { it.manager } shouldBe listOf("manager-two")
    }

    test("a partial server-side apply leaves fields it did not send unowned; another manager's update stays its own") {
        val configMaps = client.coreV1().configMaps(namespace)
        val created = configMaps.create(ConfigMap { metadata { name = "partial" }; data = mapOf("b" to "1") }, CreateOptions(fieldManager = "manager-b"))
        configMaps.update(created.edit { data = mapOf("b" to "2") }, UpdateOptions(fieldManager = "manager-b"))
        val applied = configMaps.apply(ConfigMap { metadata { name = "partial" }; data = mapOf("a" to "1") }, fieldManager = "manager-a")
        applied.data shouldBe mapOf("a" to "1", "b" to "2")
        val entries = applied.metadata?.managedFields!!.associateBy { it.manager }
        entries.keys shouldBe setOf("manager-a", "manager-b")
        entries.getValue("manager-a").operation shouldBe "Apply"
        entries.getValue("manager-a").fieldsV1!!.json shouldBe Json.parseToJsonElement("""{"f:data":{"f:a":{}}}""")
        entries.getValue("manager-b").operation shouldBe "Update"
        entries.getValue("manager-b").fieldsV1!!.json shouldBe Json.parseToJsonElement("""{"f:data":{".":{},"f:b":{}}}""")
    }

    test("the scale subresource reads and sets a Deployment's replicas") {
        val deployments = client.appsV1().deployments(namespace)
        deployments.create(deployment("scaled"))
        val scale = deployments.getScale("scaled")
        scale.spec?.replicas shouldBe 1
        deployments.updateScale("scaled", scale.edit { spec { replicas = 4 } }).spec?.replicas shouldBe 4
        deployments.get("scaled").spec?.replicas shouldBe 4
        deployments.patchScale("scaled", PatchType.MERGE, """{"spec":{"replicas":2}}""").spec?.replicas shouldBe 2
        deployments.get("scaled").spec?.replicas shouldBe 2
    }
})
