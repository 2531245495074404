package io.kubekt.discovery

import io.kubekt.api.GroupVersionKind
import io.kubekt.api.GroupVersionResource

/** How a kind is served: its resource, scope and the names kubectl accepts for it (client-go's `RESTMapping`). */
public class RestMapping(
    /** The resource in URLs, e.g. `deployments.v1.apps`. */
    public val resource: GroupVersionResource,
    /** The kind of its objects, e.g. `apps/v1 Deployment`. */
    public val kind: GroupVersionKind,
    /** True when objects live in a namespace. */
    public val namespaced: Boolean,
    /** The singular name, e.g. `deployment`. */
    public val singular: String,
    /** Short names, e.g. `deploy`. */
    public val shortNames: List<String>,
    /** Categories, e.g. `all`. */
    public val categories: List<String>,
    /** The verbs the server offers. */
    public val verbs: List<String>,
    /** Subresources, e.g. `status`, `scale`. */
    public val subresources: List<String>,
) {
    override fun equals(other: Any?): Boolean = other is RestMapping && other.resource == resource && other.kind == kind &&
        other.namespaced == namespaced && other.singular == singular && other.shortNames == shortNames &&
        other.categories == categories && other.verbs == verbs && other.subresources == subresources

    override fun hashCode(): Int = resource.hashCode() * 31 + kind.hashCode()

    override fun toString(): String = "RestMapping($resource, $kind, ${if (namespaced) "namespaced" else "cluster"})"
}
