package io.kubekt.codegen

/** A top-level API resource found in the spec's paths. */
public class Resource(
    /** The kind its objects have. */
    public val kind: Gvk,
    /** The resource name in URLs, e.g. `pods`. */
    public val plural: String,
    /** True when its paths go through `namespaces/{namespace}`. */
    public val namespaced: Boolean,
    /** Kubernetes verbs from the paths' `x-kubernetes-action`s. */
    public val verbs: List<String>,
    /** Path segments below `{name}`, e.g. `status`. */
    public val subresources: List<String>,
)
