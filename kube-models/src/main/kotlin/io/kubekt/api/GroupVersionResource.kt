package io.kubekt.api

/**
 * A resource in an API group version, as it appears in URLs: `apps/v1 deployments`. The core
 * group is `""`. The dynamic client and the RESTMapper address resources by it.
 */
public class GroupVersionResource(
    /** The API group; `""` for the core group. */
    public val group: String,
    /** The API version, e.g. `v1`. */
    public val version: String,
    /** The resource (plural) name, e.g. `deployments`; subresources are not part of it. */
    public val resource: String,
) {
    /** `v1` for the core group, `group/version` otherwise. */
    public val groupVersion: String get() = if (group.isEmpty()) version else "$group/$version"

    override fun equals(other: Any?): Boolean =
        other is GroupVersionResource && group == other.group && version == other.version && resource == other.resource

    override fun hashCode(): Int = (group.hashCode() * 31 + version.hashCode()) * 31 + resource.hashCode()

    /** `deployments.v1.apps`, `pods.v1` — kubectl's fully qualified form. */
    override fun toString(): String = if (group.isEmpty()) "$resource.$version" else "$resource.$version.$group"

    public companion object {
        /** A resource of the core group (`/api/v1`). */
        @JvmStatic
        public fun core(version: String, resource: String): GroupVersionResource = GroupVersionResource("", version, resource)
    }
}
