package io.kubekt.discovery

/** An API group version, e.g. `apps/v1`; the core group is `""` (written `v1`). */
public class GroupVersion(
    /** The API group; `""` for the core group. */
    public val group: String,
    /** The version, e.g. `v1`. */
    public val version: String,
) {
    override fun equals(other: Any?): Boolean = other is GroupVersion && other.group == group && other.version == version

    override fun hashCode(): Int = group.hashCode() * 31 + version.hashCode()

    /** `v1` for the core group, `group/version` otherwise (the `apiVersion` form). */
    override fun toString(): String = if (group.isEmpty()) version else "$group/$version"

    public companion object {
        /** Splits `v1` or `apps/v1`. */
        @JvmStatic
        public fun parse(groupVersion: String): GroupVersion {
            val slash = groupVersion.indexOf('/')
            return if (slash < 0) GroupVersion("", groupVersion) else GroupVersion(groupVersion.substring(0, slash), groupVersion.substring(slash + 1))
        }
    }
}
