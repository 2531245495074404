package io.kubekt.test.http

import io.kubekt.test.ResourceType
import io.kubekt.test.registry.ResourceRegistry

/** What a request path addresses. */
internal sealed class Route {
    /** A discovery or server-info document, e.g. `/api`, `/apis/apps/v1`, `/version`. */
    data class Info(val segments: List<String>) : Route()

    /** A resource collection, object or subresource. [namespace] is null for cluster scope or all namespaces. */
    data class Resource(
        val type: ResourceType,
        val version: String,
        val namespace: String?,
        val name: String?,
        val subresource: String?,
    ) : Route()

    data object Unknown : Route()

    companion object {
        /** Resolves [path] against the served resources, as the API server's mux does. */
        fun resolve(path: String, registry: ResourceRegistry): Route {
            val segments = path.trim('/').split('/').filter { it.isNotEmpty() }
            if (segments.isEmpty()) return Info(segments)
            return when {
                segments[0] == "api" && segments.size <= 2 -> Info(segments)
                segments[0] == "apis" && segments.size <= 3 -> Info(segments)
                segments[0] == "api" -> resource(registry, "", segments[1], segments.drop(2))
                segments[0] == "apis" -> resource(registry, segments[1], segments[2], segments.drop(3))
                segments.size == 1 -> Info(segments)
                else -> Unknown
            }
        }

        private fun resource(registry: ResourceRegistry, group: String, version: String, rest: List<String>): Route {
            if (rest.size >= 3 && rest[0] == "namespaces") {
                val type = registry.find(group, version, rest[2])
                if (type != null && type.namespaced) {
                    if (rest.size > 5) return Unknown
                    return checked(Resource(type, version, rest[1], rest.getOrNull(3), rest.getOrNull(4)))
                }
            }
            val type = registry.find(group, version, rest[0]) ?: return Unknown
            if (rest.size > 3 || (type.namespaced && rest.size > 1)) return Unknown
            return checked(Resource(type, version, null, rest.getOrNull(1), rest.getOrNull(2)))
        }

        private fun checked(route: Resource): Route =
            if (route.subresource != null && route.subresource !in route.type.subresources) Unknown else route
    }
}
