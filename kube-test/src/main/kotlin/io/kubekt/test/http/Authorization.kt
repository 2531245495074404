package io.kubekt.test.http

import io.kubekt.test.AuthorizationRequest
import io.kubekt.test.Authorizer
import io.kubekt.test.api.ApiError
import io.kubekt.test.api.Statuses

/** Asks the configured [Authorizer] and answers a denial as the API server's authorization filter does. */
internal class Authorization(private val authorizer: Authorizer) {
    fun check(user: UserInfo, verb: String?, method: String, route: Route, path: String) {
        val resource = route as? Route.Resource
        val request = AuthorizationRequest(
            user = user.name,
            groups = user.groups,
            verb = verb ?: method.lowercase(),
            apiGroup = resource?.type?.group ?: "",
            resource = resource?.type?.plural,
            subresource = resource?.subresource,
            namespace = resource?.namespace,
            name = resource?.name,
            path = path,
        )
        if (!authorizer.allows(request)) throw forbidden(request)
    }

    /** The 403 of `ForbiddenStatusError`: `<resource> ["<name>"] is forbidden: User "u" cannot <verb> resource ...`. */
    private fun forbidden(r: AuthorizationRequest): ApiError {
        val resource = r.resource ?: return Statuses.forbidden("", "", "", "forbidden: User \"${r.user}\" cannot ${r.verb} path \"${r.path}\"")
        val what = if (r.subresource != null) "$resource/${r.subresource}" else resource
        val scope = if (r.namespace != null) "in the namespace \"${r.namespace}\"" else "at the cluster scope"
        val reason = "User \"${r.user}\" cannot ${r.verb} resource \"$what\" in API group \"${r.apiGroup}\" $scope"
        val subject = Statuses.qualified(resource, r.apiGroup) + (r.name?.let { " \"$it\"" } ?: "")
        return Statuses.forbidden(resource, r.apiGroup, r.name ?: "", "$subject is forbidden: $reason")
    }
}
