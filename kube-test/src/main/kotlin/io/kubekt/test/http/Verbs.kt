package io.kubekt.test.http

/** The Kubernetes verb of a request on a resource path. */
internal object Verbs {
    fun of(method: String, route: Route.Resource, watch: Boolean): String? = when (method) {
        "GET" -> if (route.name != null) "get" else if (watch) "watch" else "list"
        "POST" -> if (route.name == null) "create" else null
        "PUT" -> if (route.name != null) "update" else null
        "PATCH" -> if (route.name != null) "patch" else null
        "DELETE" -> if (route.name != null) "delete" else "deletecollection"
        else -> null
    }

    /** Whether [verb] is served for the route: subresources serve get, update and patch. */
    fun allowed(verb: String, route: Route.Resource): Boolean = when {
        route.subresource != null -> verb in setOf("get", "update", "patch")
        // The all-namespaces collection of a namespaced resource is read-only.
        route.type.namespaced && route.namespace == null -> verb in setOf("list", "watch") && verb in route.type.verbs
        else -> verb in route.type.verbs
    }
}
