package io.kubekt.api

/**
 * An API resource serving a model type, as derived from the OpenAPI spec's paths: where it lives
 * (group, version, plural, scope), which verbs and subresources the server offers, and the
 * model types of an object and of a list of them. Typed clients are built on these.
 */
public class ResourceType<T : KubeModel<T, *>> @ModelCodegenApi constructor(
    /** The API group; `""` for the core group. */
    public val group: String,
    /** The API version, e.g. `v1`. */
    public val version: String,
    /** The kind, e.g. `Deployment`. */
    public val kind: String,
    /** The resource name in URLs, e.g. `deployments`. */
    public val plural: String,
    /** True when objects live in a namespace. */
    public val namespaced: Boolean,
    /** The verbs the spec lists: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`. */
    public val verbs: List<String>,
    /** Subresources such as `status`, `scale`, `log`. */
    public val subresources: List<String>,
    /** The model type of one object. */
    public val modelType: ModelType<T>,
    listType: () -> ModelType<*>?,
) {
    /** The model type of a list of these objects (e.g. `PodList`), when the spec defines one. */
    public val listType: ModelType<*>? by lazy(LazyThreadSafetyMode.PUBLICATION, listType)

    /** The `apiVersion` field value: `v1` or `apps/v1`. */
    public val apiVersion: String get() = if (group.isEmpty()) version else "$group/$version"

    /** Group, version and kind together. */
    public val groupVersionKind: GroupVersionKind get() = GroupVersionKind(group, version, kind)

    override fun toString(): String = "$plural.$version${if (group.isEmpty()) "" else ".$group"} ($kind, ${if (namespaced) "namespaced" else "cluster"})"
}
