package io.kubekt.test

/**
 * The identity of a served resource: API group (empty for the core group), version and plural
 * resource name, e.g. `apps/v1 deployments`.
 */
public class GroupVersionResource(
    public val group: String,
    public val version: String,
    public val resource: String,
) {
    /** `v1` for the core group, `apps/v1` otherwise. */
    public val groupVersion: String get() = if (group.isEmpty()) version else "$group/$version"

    override fun equals(other: Any?): Boolean =
        other is GroupVersionResource && other.group == group && other.version == version && other.resource == resource

    override fun hashCode(): Int = (group.hashCode() * 31 + version.hashCode()) * 31 + resource.hashCode()

    override fun toString(): String = "$groupVersion, Resource=$resource"

    public companion object {
        /** A resource of the core (`""`) group. */
        @JvmStatic
        public fun core(version: String, resource: String): GroupVersionResource = GroupVersionResource("", version, resource)
    }
}
