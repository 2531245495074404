package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Statuses
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** The `scale` subresource: an `autoscaling/v1 Scale` view of `spec.replicas`. */
internal object Scales {
    fun toScale(type: ResourceType, obj: JsonObject): JsonObject = buildJsonObject {
        put("kind", "Scale")
        put("apiVersion", "autoscaling/v1")
        put("metadata", buildJsonObject {
            listOf("name", "namespace", "uid", "resourceVersion", "creationTimestamp").forEach { k ->
                Objects.meta(obj)[k]?.let { put(k, it) }
            }
        })
        put("spec", buildJsonObject { put("replicas", Objects.long(Objects.at(obj, "spec.replicas")) ?: 0L) })
        put("status", buildJsonObject {
            put("replicas", Objects.long(Objects.at(obj, "status.replicas")) ?: 0L)
            selector(obj)?.let { put("selector", it) }
        })
    }

    /** Writes the replicas of [scale] into [existing]; returns the resulting Scale. Caller holds the lock. */
    fun update(cluster: Cluster, type: ResourceType, existing: JsonObject, scale: JsonObject, dryRun: Boolean): JsonObject {
        val name = Objects.name(existing)!!
        val rv = Objects.resourceVersion(scale)
        if (rv != null && rv != Objects.resourceVersion(existing)) {
            throw Statuses.conflict(type.plural, type.group, name,
                "the object has been modified; please apply your changes to the latest version and try again")
        }
        val replicas = Objects.long(Objects.at(scale, "spec.replicas"))
            ?: throw Statuses.badRequest("spec.replicas is required in a Scale")
        val spec = Objects.with(existing["spec"] as? JsonObject ?: JsonObject(emptyMap()), "replicas", JsonPrimitive(replicas))
        val updated = cluster.writes.commitUpdate(type, existing, Objects.with(existing, "spec", spec), dryRun)
        return toScale(type, updated)
    }

    private fun selector(obj: JsonObject): String? {
        val sel = Objects.at(obj, "spec.selector") as? JsonObject ?: return null
        val labels = (sel["matchLabels"] as? JsonObject)?.entries?.sortedBy { it.key }?.map { "${it.key}=${Objects.text(it.value)}" } ?: emptyList()
        val expressions = (sel["matchExpressions"] as? JsonArray)?.filterIsInstance<JsonObject>()?.map { e ->
            val key = Objects.text(e["key"])
            val values = (e["values"] as? JsonArray)?.mapNotNull { Objects.text(it) }?.sorted()?.joinToString(",") ?: ""
            when (Objects.text(e["operator"])) {
                "In" -> "$key in ($values)"
                "NotIn" -> "$key notin ($values)"
                "Exists" -> "$key"
                else -> "!$key"
            }
        } ?: emptyList()
        return (labels + expressions).joinToString(",")
    }
}
