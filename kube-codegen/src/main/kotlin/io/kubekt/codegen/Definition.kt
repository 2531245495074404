package io.kubekt.codegen

/** One OpenAPI definition to generate a model class for. */
public class Definition(
    /** The definition name, e.g. `io.k8s.api.core.v1.Pod` (synthesized for inline CRD objects). */
    public val name: String,
    /** The description, which becomes the class KDoc. */
    public val description: String?,
    /** The properties in spec order. */
    public val properties: List<Property>,
    /** `x-kubernetes-group-version-kind`: the kinds this definition is served as. */
    public val kinds: List<Gvk>,
    /** `x-kubernetes-map-type` of the definition itself. */
    public val mapType: String?,
)
