package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Statuses
import io.kubekt.test.patch.JsonPatch
import io.kubekt.test.patch.MergePatch
import io.kubekt.test.patch.PatchFailure
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * PATCH with JSON patch and JSON merge patch. Strategic merge patch and server-side apply need the
 * schemas of the typed models and are answered 415, as a server does for a patch type it does not accept.
 */
internal class Patches(private val cluster: Cluster) {
    companion object {
        const val JSON_PATCH = "application/json-patch+json"
        const val MERGE_PATCH = "application/merge-patch+json"
        val ACCEPTED = listOf(JSON_PATCH, MERGE_PATCH)
    }

    fun patch(type: ResourceType, namespace: String?, name: String, contentType: String, body: String, subresource: String?, dryRun: Boolean): JsonObject {
        val media = contentType.substringBefore(';').trim().lowercase()
        if (media !in ACCEPTED) throw Statuses.unsupportedMediaType(ACCEPTED)
        val patch = parse(body)
        return cluster.locked {
            val existing = cluster.require(type, namespace, name)
            val target = if (subresource == "scale") Scales.toScale(type, existing) else existing
            val patched = apply(media, target, patch) as? JsonObject ?: throw Statuses.badRequest("the patched object is not a JSON object")
            if (subresource == "scale") return@locked Scales.update(cluster, type, existing, patched, dryRun)
            val rv = Objects.resourceVersion(patched)
            if (rv != null && rv != Objects.resourceVersion(existing)) {
                throw Statuses.conflict(type.plural, type.group, name,
                    "the object has been modified; please apply your changes to the latest version and try again")
            }
            val typed = Shapes.checkTypeMeta(type, patched)
            if (Objects.name(typed) != name) throw Statuses.badRequest("the name of the object (${Objects.name(typed)}) does not match the name on the URL ($name)")
            cluster.writes.commitUpdate(type, existing, cluster.writes.merge(type, existing, typed, subresource), dryRun)
        }
    }

    private fun parse(body: String): JsonElement =
        runCatching { Json.parseToJsonElement(body) }.getOrElse { throw Statuses.badRequest("error decoding patch: ${it.message?.lineSequence()?.first()}") }

    private fun apply(media: String, target: JsonObject, patch: JsonElement): JsonElement = when (media) {
        JSON_PATCH -> {
            val ops = patch as? JsonArray ?: throw Statuses.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
            try {
                JsonPatch.apply(target, ops)
            } catch (e: PatchFailure) {
                // What the API server answers for a JSON patch it cannot apply, a failed `test` included.
                throw Statuses.error(422, "Invalid", "the server rejected our request due to an error in our request", Statuses.details())
            }
        }
        else -> MergePatch.apply(target, patch)
    }
}
