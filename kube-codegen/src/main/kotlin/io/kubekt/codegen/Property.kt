package io.kubekt.codegen

/** One property of a [Definition] with its schema facts. */
public class Property(
    /** The JSON name. */
    public val name: String,
    /** The description, which becomes the property KDoc. */
    public val description: String?,
    /** What the property holds. */
    public val type: SchemaType,
    /** `x-kubernetes-patch-strategy`. */
    public val patchStrategy: String?,
    /** `x-kubernetes-patch-merge-key`. */
    public val patchMergeKey: String?,
    /** `x-kubernetes-list-type`. */
    public val listType: String?,
    /** `x-kubernetes-list-map-keys`. */
    public val listMapKeys: List<String>,
    /** `x-kubernetes-map-type`. */
    public val mapType: String?,
)
