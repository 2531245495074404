package io.kubekt.request

/**
 * Options of a get (metav1 `GetOptions`). Immutable.
 *
 * `resourceVersion = "0"` lets the server answer from its cache (possibly stale); unset reads
 * the latest state (a quorum read).
 */
public class GetOptions(
    /** The resourceVersion the answer must be at least as new as; unset: the latest. */
    public val resourceVersion: String? = null,
) : QueryOptions {
    override fun toQuery(): List<Pair<String, String>> =
        resourceVersion?.takeIf { it.isNotEmpty() }?.let { listOf("resourceVersion" to it) } ?: emptyList()

    override fun equals(other: Any?): Boolean = other is GetOptions && other.toQuery() == toQuery()
    override fun hashCode(): Int = toQuery().hashCode()
    override fun toString(): String = "GetOptions(" + toQuery().joinToString { (k, v) -> "$k=$v" } + ")"

    public companion object {
        /** No options: the latest state. */
        @JvmField
        public val NONE: GetOptions = GetOptions()

        /** Options reading at least at [resourceVersion]. */
        @JvmStatic
        public fun atResourceVersion(resourceVersion: String): GetOptions = GetOptions(resourceVersion)
    }
}
