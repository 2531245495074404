package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Statuses
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** Per-resource shape rules of the API server's registry strategies (what create resets, what counts as spec). */
internal object Shapes {
    private val workloadKinds = setOf("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob")

    /** Checks `kind`/`apiVersion` of a request body against the endpoint and fills them in when absent. */
    fun checkTypeMeta(type: ResourceType, body: JsonObject): JsonObject {
        val kind = Objects.text(body["kind"])
        val apiVersion = Objects.text(body["apiVersion"])
        if (!apiVersion.isNullOrEmpty() && apiVersion != type.apiVersion) {
            throw Statuses.badRequest("the API version in the data ($apiVersion) does not match the expected API version (${type.apiVersion})")
        }
        if (!kind.isNullOrEmpty() && kind != type.kind) {
            throw Statuses.badRequest("the kind in the data ($kind) does not match the expected kind (${type.kind})")
        }
        return Objects.with(Objects.with(body, "kind", JsonPrimitive(type.kind)), "apiVersion", JsonPrimitive(type.apiVersion))
    }

    /** What the strategy's PrepareForCreate does to the body. */
    fun onCreate(type: ResourceType, body: JsonObject): JsonObject = when {
        type.group.isEmpty() && type.plural == "namespaces" -> {
            val finalizers = (Objects.at(body, "spec.finalizers") as? JsonArray) ?: JsonArray(listOf(JsonPrimitive("kubernetes")))
            val spec = Objects.with(body["spec"] as? JsonObject ?: JsonObject(emptyMap()), "finalizers", finalizers)
            Objects.with(Objects.with(body, "spec", spec), "status", Writes.phase("Active"))
        }
        type.group.isEmpty() && type.plural == "pods" -> Objects.with(body, "status", Writes.phase("Pending"))
        type.group.isEmpty() && type.plural == "services" ->
            Objects.with(body, "status", buildJsonObject { put("loadBalancer", buildJsonObject { }) })
        type.custom && "status" in type.subresources -> Objects.with(body, "status", null)
        !type.custom && type.kind in workloadKinds -> Objects.with(body, "status", Writes.emptyObject())
        type.group == "apiextensions.k8s.io" && type.plural == "customresourcedefinitions" -> Crds.onCreate(body)
        else -> body
    }

    /** Whether the change from [old] to [new] bumps `metadata.generation`. */
    fun specChanged(type: ResourceType, old: JsonObject, new: JsonObject): Boolean {
        if (type.custom) {
            val ignored = if ("status" in type.subresources) setOf("metadata", "status") else setOf("metadata")
            return old.filterKeys { it !in ignored } != new.filterKeys { it !in ignored }
        }
        return old["spec"] != new["spec"]
    }

    /** A Namespace is held by `spec.finalizers` as well as `metadata.finalizers`. */
    fun blocksDeletion(type: ResourceType, obj: JsonObject): Boolean =
        type.group.isEmpty() && type.plural == "namespaces" && ((Objects.at(obj, "spec.finalizers") as? JsonArray)?.isNotEmpty() == true)
}
