package io.kubekt.api

/** A kind in an API group version, e.g. `apps/v1 Deployment`; the core group is `""`. */
public class GroupVersionKind(public val group: String, public val version: String, public val kind: String) {
    /** The `apiVersion` field value: `v1` for the core group, `group/version` otherwise. */
    public val apiVersion: String get() = if (group.isEmpty()) version else "$group/$version"

    override fun equals(other: Any?): Boolean =
        other is GroupVersionKind && group == other.group && version == other.version && kind == other.kind

    override fun hashCode(): Int = (group.hashCode() * 31 + version.hashCode()) * 31 + kind.hashCode()

    override fun toString(): String = "$apiVersion $kind"

    public companion object {
        /** Splits an `apiVersion` (`v1`, `apps/v1`) and pairs it with [kind]. */
        @JvmStatic
        public fun of(apiVersion: String, kind: String): GroupVersionKind {
            val slash = apiVersion.indexOf('/')
            return if (slash < 0) GroupVersionKind("", apiVersion, kind)
            else GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind)
        }
    }
}
