package io.kubekt.request

/**
 * How a list interprets its `resourceVersion` (metav1 `resourceVersionMatch`). Without it the
 * server's legacy rules apply (`resourceVersion=0` may be served from the watch cache).
 */
public enum class ResourceVersionMatch(
    /** The value sent on the wire. */
    public val value: String,
) {
    /** Data at least as new as the given resourceVersion. */
    NOT_OLDER_THAN("NotOlderThan"),

    /** Data at exactly the given resourceVersion; fails with 410 Gone when it was compacted. */
    EXACT("Exact"),
}
