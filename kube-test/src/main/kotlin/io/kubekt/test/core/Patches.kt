package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Cause
import io.kubekt.test.api.Statuses
import io.kubekt.test.patch.ApplyBody
import io.kubekt.test.patch.JsonPatch
import io.kubekt.test.patch.MergePatch
import io.kubekt.test.patch.Ownership
import io.kubekt.test.patch.PatchFailure
import io.kubekt.test.patch.SchemaNode
import io.kubekt.test.patch.ServerSideApply
import io.kubekt.test.patch.StrategicMergePatch
import io.kubekt.test.store.Objects
import io.kubekt.api.autoscaling.v1.Scale
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * PATCH with JSON patch, JSON merge patch, strategic merge patch (built-in kinds only, as on a
 * real server: custom resources answer 415) and server-side apply. Every patch records field
 * ownership in managedFields: apply under an `Apply` entry, the others under `Update`.
 */
internal class Patches(private val cluster: Cluster) {
    /** One PATCH: the body and its media type, `fieldManager` and `force` as sent, and the manager to record. */
    class Request(
        val contentType: String,
        val body: String,
        val subresource: String?,
        val dryRun: Boolean,
        val fieldManager: String?,
        val force: String?,
        val manager: String,
    )

    /** The patched (or, for an apply to a missing object, created) object. */
    class Result(val obj: JsonObject, val created: Boolean)

    companion object {
        const val JSON_PATCH = "application/json-patch+json"
        const val MERGE_PATCH = "application/merge-patch+json"
        const val STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json"
        const val APPLY_PATCH = "application/apply-patch+yaml"
        val ACCEPTED = listOf(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH)
        val ACCEPTED_CUSTOM = listOf(JSON_PATCH, MERGE_PATCH, APPLY_PATCH)
    }

    fun patch(type: ResourceType, namespace: String?, name: String, request: Request): Result {
        val media = request.contentType.substringBefore(';').trim().lowercase()
        val accepted = if (type.custom) ACCEPTED_CUSTOM else ACCEPTED
        if (media !in accepted) throw Statuses.unsupportedMediaType(accepted)
        validateOptions(media, request)
        if (media == APPLY_PATCH) return apply(type, namespace, name, request)
        val patch = parse(request.body)
        return cluster.locked {
            val existing = cluster.require(type, namespace, name)
            val scale = request.subresource == "scale"
            val target = if (scale) Scales.toScale(type, existing) else existing
            val schema = if (scale) SchemaNode.root(Scale.TYPE) else Ownership.schema(type)
            val patched = apply(media, target, patch, schema) as? JsonObject ?: throw Statuses.badRequest("the patched object is not a JSON object")
            if (scale) return@locked Result(Scales.update(cluster, type, existing, patched, request.dryRun), false)
            Result(commit(type, existing, patched, name, request, request.manager), false)
        }
    }

    private fun apply(type: ResourceType, namespace: String?, name: String, request: Request): Result {
        if (request.subresource == "scale") throw Statuses.unsupportedMediaType(listOf(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH))
        val config = ApplyBody.parse(request.body, Ownership.schema(type)) ?: throw Statuses.badRequest("error decoding YAML: the body is not a YAML or JSON object")
        val typed = Shapes.checkTypeMeta(type, requireTypeMeta(config))
        Objects.name(typed)?.let { if (it != name) throw Statuses.badRequest("the name of the object ($it) does not match the name on the URL ($name)") }
        val force = request.force == "true"
        return cluster.locked {
            val existing = cluster.get(type, namespace, name)
            if (existing == null) {
                if (request.subresource != null) throw Statuses.notFound(type.plural, type.group, name)
                val fresh = ServerSideApply.apply(type, null, typed, request.fieldManager!!, force, null)
                val body = Objects.withMeta(fresh, mapOf("name" to Objects.str(name), "namespace" to namespace?.let(Objects::str)))
                return@locked Result(cluster.writes.create(type, namespace, body, request.dryRun), true)
            }
            val next = ServerSideApply.apply(type, existing, typed, request.fieldManager!!, force, request.subresource)
            Result(commit(type, existing, Objects.withMeta(next, "resourceVersion", Objects.meta(typed)["resourceVersion"]), name, request, null), false)
        }
    }

    /** Checks the patched object and stores it; [manager] records an `Update` entry (null: ownership is already in [patched]). */
    private fun commit(type: ResourceType, existing: JsonObject, patched: JsonObject, name: String, request: Request, manager: String?): JsonObject {
        val rv = Objects.resourceVersion(patched)
        if (rv != null && rv != Objects.resourceVersion(existing)) {
            throw Statuses.conflict(type.plural, type.group, name,
                "the object has been modified; please apply your changes to the latest version and try again")
        }
        val typed = Shapes.checkTypeMeta(type, patched)
        if (Objects.name(typed) != name) throw Statuses.badRequest("the name of the object (${Objects.name(typed)}) does not match the name on the URL ($name)")
        val merged = cluster.writes.merge(type, existing, typed, request.subresource)
        val next = if (manager == null) Objects.withMeta(merged, "managedFields", Objects.meta(typed)["managedFields"]) else merged
        return cluster.writes.commitUpdate(type, existing, next, request.dryRun, manager, request.subresource)
    }

    /** `fieldManager` is required for apply, `force` only allowed there: 422 on PatchOptions, as the API server validates them. */
    private fun validateOptions(media: String, request: Request) {
        val cause = when {
            media == APPLY_PATCH && request.fieldManager.isNullOrEmpty() ->
                Cause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager")
            media != APPLY_PATCH && request.force != null ->
                Cause("FieldValueForbidden", "Forbidden: may not be specified for non-apply patch", "force")
            else -> return
        }
        throw Statuses.invalid("PatchOptions", "meta.k8s.io", "", listOf(cause))
    }

    private fun requireTypeMeta(config: JsonObject): JsonObject {
        if (Objects.text(config["apiVersion"]).isNullOrEmpty()) throw Statuses.badRequest("error decoding YAML: Object 'apiVersion' is missing in '$config'")
        if (Objects.text(config["kind"]).isNullOrEmpty()) throw Statuses.badRequest("error decoding YAML: Object 'Kind' is missing in '$config'")
        return config
    }

    private fun parse(body: String): JsonElement =
        runCatching { Json.parseToJsonElement(body) }.getOrElse { throw Statuses.badRequest("error decoding patch: ${it.message?.lineSequence()?.first()}") }

    private fun apply(media: String, target: JsonObject, patch: JsonElement, schema: SchemaNode): JsonElement = when (media) {
        JSON_PATCH -> {
            val ops = patch as? JsonArray ?: throw Statuses.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
            try {
                JsonPatch.apply(target, ops)
            } catch (e: PatchFailure) {
                // What the API server answers for a JSON patch it cannot apply, a failed `test` included.
                throw Statuses.error(422, "Invalid", "the server rejected our request due to an error in our request", Statuses.details())
            }
        }
        STRATEGIC_MERGE_PATCH -> {
            val map = patch as? JsonObject ?: throw Statuses.badRequest("json: cannot unmarshal array into Go value of type map[string]interface {}")
            try {
                StrategicMergePatch.apply(target, map, schema)
            } catch (e: PatchFailure) {
                throw Statuses.badRequest(e.message ?: "invalid strategic merge patch")
            }
        }
        else -> MergePatch.apply(target, patch)
    }
}
