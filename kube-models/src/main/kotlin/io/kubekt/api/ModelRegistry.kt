package io.kubekt.api

/**
 * All model and resource types of one generated set (the built-ins are [BuiltinModels]), looked up
 * by definition name, kind, resource or class. A server implementation finds schema facts with
 * `modelType(gvk)?.fieldAt("spec.template.spec.containers")`.
 */
public open class ModelRegistry @ModelCodegenApi protected constructor(
    types: () -> List<ModelType<*>>,
    resources: () -> List<ResourceType<*>>,
) {
    /** Every model type, sorted by definition name. */
    public val modelTypes: List<ModelType<*>> by lazy(LazyThreadSafetyMode.PUBLICATION, types)

    /** Every resource type, sorted by group, version and plural. */
    public val resourceTypes: List<ResourceType<*>> by lazy(LazyThreadSafetyMode.PUBLICATION, resources)

    private val byName by lazy(LazyThreadSafetyMode.PUBLICATION) { modelTypes.associateBy { it.name } }
    private val byKind by lazy(LazyThreadSafetyMode.PUBLICATION) {
        modelTypes.flatMap { t -> t.groupVersionKinds.map { it to t } }.toMap()
    }
    private val byClass by lazy(LazyThreadSafetyMode.PUBLICATION) { modelTypes.associateBy { it.modelClass } }
    private val resourcesByKind by lazy(LazyThreadSafetyMode.PUBLICATION) { resourceTypes.associateBy { it.groupVersionKind } }
    private val resourcesByPlural by lazy(LazyThreadSafetyMode.PUBLICATION) {
        resourceTypes.associateBy { Triple(it.group, it.version, it.plural) }
    }

    /** The model type of OpenAPI definition [definitionName], e.g. `io.k8s.api.core.v1.Pod`. */
    public fun modelType(definitionName: String): ModelType<*>? = byName[definitionName]

    /** The model type serving [kind] (lists such as `PodList` included). */
    public fun modelType(kind: GroupVersionKind): ModelType<*>? = byKind[kind]

    /** The model type of a generated class. */
    public fun <T : KubeModel<T, *>> modelType(modelClass: Class<T>): ModelType<T>? {
        @Suppress("UNCHECKED_CAST")
        return byClass[modelClass] as ModelType<T>?
    }

    /** The resource serving [kind]. */
    public fun resourceType(kind: GroupVersionKind): ResourceType<*>? = resourcesByKind[kind]

    /** The resource named [plural] in [group] and [version], e.g. `("apps", "v1", "deployments")`. */
    public fun resourceType(group: String, version: String, plural: String): ResourceType<*>? =
        resourcesByPlural[Triple(group, version, plural)]

    /** The resource whose objects are of [modelClass]. */
    public fun <T : KubeModel<T, *>> resourceType(modelClass: Class<T>): ResourceType<T>? {
        @Suppress("UNCHECKED_CAST")
        return resourceTypes.firstOrNull { it.modelType.modelClass == modelClass } as ResourceType<T>?
    }

    /** Schema facts of the field at dotted [path] in objects of [kind], e.g. `spec.template.spec.containers`. */
    public fun fieldAt(kind: GroupVersionKind, path: String): FieldSchema? = modelType(kind)?.fieldAt(path)
}
