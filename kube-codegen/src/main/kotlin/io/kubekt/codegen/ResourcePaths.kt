package io.kubekt.codegen

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/**
 * Derives top-level resources from OpenAPI paths: `/api/v1/namespaces/{namespace}/pods` says
 * pods are namespaced, its `x-kubernetes-group-version-kind` says they hold `v1 Pod`, the
 * `x-kubernetes-action`s give the verbs, and longer paths below `{name}` give subresources.
 */
internal class ResourcePaths(private val paths: JsonObject) {
    private class Found(val group: String, val version: String, val plural: String) {
        var kind: Gvk? = null
        var namespaced = false
        val verbs = sortedSetOf<String>()
        val subresources = sortedSetOf<String>()
    }

    fun resources(): List<Resource> {
        val found = LinkedHashMap<Triple<String, String, String>, Found>()
        for ((path, item) in paths) {
            val location = locate(path) ?: continue
            val (group, version, rest0) = location
            var rest = rest0
            if (rest.firstOrNull() == "watch") rest = rest.drop(1)
            val namespaced = rest.size >= 2 && rest[0] == "namespaces" && rest[1] == "{namespace}"
            if (namespaced) rest = rest.drop(2)
            if (rest.isEmpty() || rest[0].startsWith("{")) continue
            val entry = found.getOrPut(Triple(group, version, rest[0])) { Found(group, version, rest[0]) }
            if (rest.size >= 3 && rest[1] == "{name}") {
                entry.subresources.add(rest[2])
                continue
            }
            if (rest.size > 2) continue
            for ((method, op) in item as JsonObject) {
                if (method == "parameters" || op !is JsonObject) continue
                val gvk = op["x-kubernetes-group-version-kind"] as? JsonObject ?: continue
                val action = (op["x-kubernetes-action"] as? JsonPrimitive)?.contentOrNull ?: continue
                entry.kind = Gvk(gvk.text("group"), gvk.text("version"), gvk.text("kind"))
                if (namespaced) entry.namespaced = true
                VERBS[action]?.let(entry.verbs::add)
            }
        }
        return found.values.filter { it.kind != null }
            .sortedWith(compareBy({ it.group }, { it.version }, { it.plural }))
            .map { Resource(it.kind!!, it.plural, it.namespaced, VERB_ORDER.filter(it.verbs::contains), it.subresources.toList()) }
    }

    /** (group, version, segments after the version) for `/api/v1/...` and `/apis/{group}/{version}/...`. */
    private fun locate(path: String): Triple<String, String, List<String>>? {
        val s = path.trim('/').split('/')
        return when {
            s.size >= 3 && s[0] == "api" -> Triple("", s[1], s.drop(2))
            s.size >= 4 && s[0] == "apis" -> Triple(s[1], s[2], s.drop(3))
            else -> null
        }
    }

    private fun JsonObject.text(key: String): String = (this[key] as? JsonPrimitive)?.contentOrNull.orEmpty()

    private companion object {
        val VERBS = mapOf(
            "get" to "get", "list" to "list", "watch" to "watch", "watchlist" to "watch", "post" to "create",
            "put" to "update", "patch" to "patch", "delete" to "delete", "deletecollection" to "deletecollection",
        )
        val VERB_ORDER = listOf("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")
    }
}
