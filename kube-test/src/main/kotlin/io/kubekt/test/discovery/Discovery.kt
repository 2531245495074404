package io.kubekt.test.discovery

import io.kubekt.test.ResourceType
import io.kubekt.test.registry.ResourceRegistry
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** The discovery documents: `/version`, `/api`, `/apis`, `/apis/{group}` and the APIResourceLists. */
internal class Discovery(private val registry: ResourceRegistry, private val serverAddress: () -> String) {
    /** The document for [segments] of the path, or null when nothing is served there. */
    fun document(segments: List<String>): JsonObject? = when {
        segments == listOf("version") -> version()
        segments == listOf("api") -> apiVersions()
        segments == listOf("apis") -> groupList()
        segments.size == 2 && segments[0] == "api" -> resourceList("", segments[1])
        segments.size == 2 && segments[0] == "apis" -> group(segments[1])
        segments.size == 3 && segments[0] == "apis" -> resourceList(segments[1], segments[2])
        else -> null
    }

    private fun version() = buildJsonObject {
        put("major", "1")
        put("minor", "32")
        put("gitVersion", "v1.32.0-kube-test")
        put("gitCommit", "0000000000000000000000000000000000000000")
        put("gitTreeState", "clean")
        put("buildDate", "1970-01-01T00:00:00Z")
        put("goVersion", "go1.23.0")
        put("compiler", "gc")
        put("platform", "linux/amd64")
    }

    private fun apiVersions() = buildJsonObject {
        put("kind", "APIVersions")
        put("versions", buildJsonArray { add(JsonPrimitive("v1")) })
        put("serverAddressByClientCIDRs", buildJsonArray {
            add(buildJsonObject { put("clientCIDR", "0.0.0.0/0"); put("serverAddress", serverAddress()) })
        })
    }

    private fun groups(): Map<String, List<String>> =
        registry.groupVersions().filter { it.first.isNotEmpty() }.groupBy({ it.first }, { it.second })

    private fun groupJson(name: String, versions: List<String>) = buildJsonObject {
        put("name", name)
        put("versions", JsonArray(versions.map { versionJson(name, it) }))
        put("preferredVersion", versionJson(name, versions.first()))
    }

    private fun versionJson(group: String, version: String) = buildJsonObject {
        put("groupVersion", "$group/$version")
        put("version", version)
    }

    private fun groupList() = buildJsonObject {
        put("kind", "APIGroupList")
        put("apiVersion", "v1")
        put("groups", JsonArray(groups().map { (name, versions) -> groupJson(name, versions) }))
    }

    private fun group(name: String): JsonObject? {
        val versions = groups()[name] ?: return null
        return buildJsonObject {
            put("kind", "APIGroup")
            put("apiVersion", "v1")
            groupJson(name, versions).forEach { (k, v) -> put(k, v) }
        }
    }

    private fun resourceList(group: String, version: String): JsonObject? {
        val types = registry.all().filter { it.group == group && it.version == version }
        if (types.isEmpty()) return null
        val entries = types.flatMap { t -> listOf(t.plural to resourceJson(t)) + t.subresources.map { "${t.plural}/$it" to subresourceJson(t, it) } }
        return buildJsonObject {
            put("kind", "APIResourceList")
            put("apiVersion", "v1")
            put("groupVersion", if (group.isEmpty()) version else "$group/$version")
            put("resources", JsonArray(entries.sortedBy { it.first }.map { it.second }))
        }
    }

    private fun resourceJson(t: ResourceType) = buildJsonObject {
        put("name", t.plural)
        put("singularName", t.singular)
        put("namespaced", t.namespaced)
        put("kind", t.kind)
        put("verbs", strings(t.verbs))
        if (t.shortNames.isNotEmpty()) put("shortNames", strings(t.shortNames))
        if (t.categories.isNotEmpty()) put("categories", strings(t.categories))
    }

    private fun subresourceJson(t: ResourceType, sub: String) = buildJsonObject {
        put("name", "${t.plural}/$sub")
        put("singularName", "")
        put("namespaced", t.namespaced)
        if (sub == "scale") {
            put("group", "autoscaling")
            put("version", "v1")
            put("kind", "Scale")
        } else {
            put("kind", t.kind)
        }
        put("verbs", strings(listOf("get", "patch", "update")))
    }

    private fun strings(values: List<String>) = JsonArray(values.map { JsonPrimitive(it) })
}
