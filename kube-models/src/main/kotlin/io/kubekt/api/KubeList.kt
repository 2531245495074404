package io.kubekt.api

import io.kubekt.api.meta.v1.ListMeta

/** A list response such as `PodList`: list metadata (resourceVersion, continue token) and the items. */
public interface KubeList<T> {
    /** The `apiVersion`, e.g. `v1`. */
    public val apiVersion: String?

    /** The `kind`, e.g. `PodList`. */
    public val kind: String?

    /** The list's resourceVersion, continue token and remaining item count. */
    public val metadata: ListMeta?

    /** The objects; empty (never null) when the server sent none. */
    public val items: List<T>
}
