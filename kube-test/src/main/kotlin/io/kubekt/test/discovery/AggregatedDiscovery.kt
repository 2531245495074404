package io.kubekt.test.discovery

import io.kubekt.test.ResourceType
import io.kubekt.test.registry.ResourceRegistry
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/**
 * Aggregated discovery (`apidiscovery.k8s.io/v2 APIGroupDiscoveryList`) at `/api` and `/apis`,
 * served when the Accept header asks for it, as current API servers do.
 */
internal class AggregatedDiscovery(private val registry: ResourceRegistry) {
    companion object {
        const val CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

        /** Whether [accept] asks for the v2 aggregated document. */
        fun requested(accept: String?): Boolean = accept != null && accept.split(',').any { part ->
            val params = part.split(';').map { it.trim() }.toSet()
            "as=APIGroupDiscoveryList" in params && "v=v2" in params && "g=apidiscovery.k8s.io" in params
        }
    }

    /** The list for `/api` ([core] true, the core group only) or `/apis` (every named group). */
    fun document(core: Boolean): JsonObject {
        val groups = registry.all().filter { (it.group.isEmpty()) == core }.groupBy { it.group }
        return buildJsonObject {
            put("kind", "APIGroupDiscoveryList")
            put("apiVersion", "apidiscovery.k8s.io/v2")
            put("metadata", buildJsonObject { })
            put("items", JsonArray(groups.map { (group, types) -> groupJson(group, types) }))
        }
    }

    private fun groupJson(group: String, types: List<ResourceType>) = buildJsonObject {
        put("metadata", buildJsonObject { put("name", group) })
        put("versions", JsonArray(types.groupBy { it.version }.map { (version, ofVersion) ->
            buildJsonObject {
                put("version", version)
                put("resources", JsonArray(ofVersion.map { resourceJson(it) }))
                put("freshness", "Current")
            }
        }))
    }

    private fun resourceJson(t: ResourceType) = buildJsonObject {
        put("resource", t.plural)
        put("responseKind", kind(t.group, t.version, t.kind))
        put("scope", if (t.namespaced) "Namespaced" else "Cluster")
        put("singularResource", t.singular)
        put("verbs", strings(t.verbs))
        if (t.shortNames.isNotEmpty()) put("shortNames", strings(t.shortNames))
        if (t.categories.isNotEmpty()) put("categories", strings(t.categories))
        if (t.subresources.isNotEmpty()) put("subresources", JsonArray(t.subresources.map { sub ->
            buildJsonObject {
                put("subresource", sub)
                put("responseKind", if (sub == "scale") kind("autoscaling", "v1", "Scale") else kind(t.group, t.version, t.kind))
                put("verbs", strings(listOf("get", "patch", "update")))
            }
        }))
    }

    private fun kind(group: String, version: String, kind: String) = buildJsonObject {
        put("group", group)
        put("version", version)
        put("kind", kind)
    }

    private fun strings(values: List<String>) = JsonArray(values.map { JsonPrimitive(it) })
}
