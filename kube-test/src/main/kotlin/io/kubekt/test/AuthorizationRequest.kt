package io.kubekt.test

/**
 * What an [Authorizer] decides on: the authorizer attributes of the API server. For a request on
 * a resource [resource] is set (with [apiGroup] `""` for the core group); otherwise [path] names
 * a non-resource URL (`/version`, `/apis`, ...).
 */
public class AuthorizationRequest internal constructor(
    /** The authenticated user name, e.g. `system:anonymous`. */
    public val user: String,
    /** The user's groups, including `system:authenticated` or `system:unauthenticated`. */
    public val groups: List<String>,
    /** The Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection (lower-case HTTP method for other paths). */
    public val verb: String,
    /** The API group of the resource; `""` for the core group. */
    public val apiGroup: String,
    /** The plural resource name, or null for a non-resource request. */
    public val resource: String?,
    /** The subresource (`status`, `scale`), or null. */
    public val subresource: String?,
    /** The namespace, or null at cluster scope. */
    public val namespace: String?,
    /** The object name, or null for a collection. */
    public val name: String?,
    /** The request path. */
    public val path: String,
) {
    /** True for requests on a resource (as opposed to discovery and other paths). */
    public val isResourceRequest: Boolean get() = resource != null

    override fun toString(): String =
        "AuthorizationRequest(user=$user, verb=$verb, resource=${resource ?: path}, namespace=$namespace, name=$name)"
}
