package io.kubekt.api

/**
 * One field of a model type with the schema facts the API server uses to merge and apply it:
 * `x-kubernetes-patch-strategy`, `x-kubernetes-patch-merge-key`, `x-kubernetes-list-type`,
 * `x-kubernetes-list-map-keys` and `x-kubernetes-map-type`, as the OpenAPI spec declares them.
 */
public class FieldSchema internal constructor(
    /** The JSON name of the field, e.g. `containers`. */
    public val name: String,
    /** What the field holds. */
    public val type: ValueType,
    /** Strategic merge patch strategy, e.g. `merge` or `retainKeys` (comma-separated as in the spec). */
    public val patchStrategy: String?,
    /** Strategic merge patch key for lists merged by key, e.g. `name`. */
    public val patchMergeKey: String?,
    /** Server-side apply list type: `atomic`, `set` or `map`. */
    public val listType: String?,
    /** Server-side apply keys of a `map` list; empty otherwise. */
    public val listMapKeys: List<String>,
    /** Server-side apply map type of this field: `atomic` or `granular`. */
    public val mapType: String?,
    /** True for fields whose values must never be logged (Secret data, tokens). */
    public val isSensitive: Boolean,
    /**
     * True for a list field that is never absent (a list kind's `items`): a missing or `null`
     * value reads as an empty list, builders start with an empty list, and it is always written.
     */
    public val isRequired: Boolean = false,
) {
    /** The model type of the field's objects: the field's own, its list elements' or its map values'; null for scalars. */
    public val modelType: ModelType<*>?
        get() = when (val t = type) {
            is ValueType.Model -> t.model
            is ValueType.ListOf -> (t.element as? ValueType.Model)?.model
            is ValueType.MapOf -> (t.value as? ValueType.Model)?.model
            is ValueType.Scalar -> null
        }

    override fun toString(): String = "$name: $type"
}
