package io.kubekt.codegen

/** One OpenAPI definition to generate a model class for. */
public class Definition(
    /** The definition name, e.g. `io.k8s.api.core.v1.Pod` (synthesized for inline CRD objects). */
    public val name: String,
    public val description: String?,
    public val properties: List<Property>,
    public val kinds: List<Gvk>,
    /** `x-kubernetes-map-type` of the definition itself. */
    public val mapType: String?,
)

/** One property of a [Definition] with its schema facts. */
public class Property(
    /** The JSON name. */
    public val name: String,
    public val description: String?,
    public val type: SchemaType,
    public val patchStrategy: String?,
    public val patchMergeKey: String?,
    public val listType: String?,
    public val listMapKeys: List<String>,
    public val mapType: String?,
)

/** A group, version and kind. */
public data class Gvk(val group: String, val version: String, val kind: String) {
    /** `v1` or `apps/v1`. */
    val apiVersion: String get() = if (group.isEmpty()) version else "$group/$version"
}

/** A top-level API resource found in the spec's paths. */
public class Resource(
    public val kind: Gvk,
    public val plural: String,
    public val namespaced: Boolean,
    public val verbs: List<String>,
    public val subresources: List<String>,
)
