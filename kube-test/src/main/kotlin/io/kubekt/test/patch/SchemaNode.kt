package io.kubekt.test.patch

import io.kubekt.api.BuiltinModels
import io.kubekt.api.FieldSchema
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.ModelType
import io.kubekt.api.ScalarKind
import io.kubekt.api.ValueType
import io.kubekt.api.meta.v1.ObjectMeta

/**
 * Where a JSON value sits in a model type's schema: the value's type and the facts of the field
 * holding it (patch strategy and merge key, list type and keys, map type). [UNKNOWN] stands for
 * free-form JSON and custom resources, which merge as plain maps with atomic lists.
 */
internal class SchemaNode private constructor(
    private val model: ModelType<*>?,
    private val type: ValueType?,
    private val holder: FieldSchema?,
    private val customRoot: Boolean = false,
) {
    /** The node of the value at [key] of this object. */
    fun child(key: String): SchemaNode = when {
        customRoot && key == "metadata" -> SchemaNode(ObjectMeta.TYPE, null, null)
        model != null -> model.field(key)?.let { of(it.type, it) } ?: UNKNOWN
        type is ValueType.MapOf -> of(type.value, null)
        else -> UNKNOWN
    }

    /** The node of this list's items. */
    fun item(): SchemaNode = (type as? ValueType.ListOf)?.let { of(it.element, null) } ?: UNKNOWN

    /** Whether [key] is a declared field here (a struct's field), not a map entry. */
    fun declares(key: String): Boolean = model?.field(key) != null || (customRoot && key in CUSTOM_ROOT_FIELDS)

    /** A model type (struct): its keys are declared fields, not map entries. */
    val isStruct: Boolean get() = model != null

    /** Known to be a scalar (a JSON value that never merges, whatever it holds). */
    val isScalar: Boolean get() = type is ValueType.Scalar

    /** Known to hold a string: a YAML scalar here stays a string even when it reads as a number. */
    val isString: Boolean get() = (type as? ValueType.Scalar)?.kind.let { it == ScalarKind.STRING || it == ScalarKind.BYTES }

    /** Whether objects here are replaced as a whole by server-side apply. */
    val atomicMap: Boolean get() = holder?.mapType == "atomic" || model?.mapType == "atomic"

    /** Strategic merge patch strategies of the holding field, e.g. `merge`, `retainKeys`. */
    val patchStrategies: List<String> get() = holder?.patchStrategy?.split(',')?.map { it.trim() } ?: emptyList()

    val patchMergeKey: String? get() = holder?.patchMergeKey

    /**
     * The server-side apply list type. Without `x-kubernetes-list-type`, a list merged by key in
     * strategic merge patch is a map keyed by its merge key, one merged without key a set, any other atomic.
     */
    val listType: ListType get() {
        val declared = holder?.listType
        return when {
            declared == "map" -> ListType.Map(holder.listMapKeys)
            declared == "set" -> ListType.Set
            declared == "atomic" -> ListType.Atomic
            "merge" in patchStrategies && patchMergeKey != null -> ListType.Map(listOf(patchMergeKey!!))
            "merge" in patchStrategies -> ListType.Set
            else -> ListType.Atomic
        }
    }

    /** How server-side apply treats a list. */
    sealed class ListType {
        data object Atomic : ListType()
        data object Set : ListType()
        data class Map(val keys: List<String>) : ListType()
    }

    companion object {
        val UNKNOWN = SchemaNode(null, null, null)

        /** A custom resource: free-form, but with the API server's `metadata` schema. */
        val CUSTOM = SchemaNode(null, null, null, customRoot = true)
        private val CUSTOM_ROOT_FIELDS = setOf("apiVersion", "kind", "metadata")

        /** The root of objects of [kind], or [UNKNOWN] for kinds without a model (custom resources). */
        fun root(kind: GroupVersionKind): SchemaNode = BuiltinModels.modelType(kind)?.let { SchemaNode(it, null, null) } ?: UNKNOWN

        fun root(model: ModelType<*>): SchemaNode = SchemaNode(model, null, null)

        private fun of(type: ValueType, field: FieldSchema?): SchemaNode = when (type) {
            is ValueType.Model -> SchemaNode(type.model, type, field)
            is ValueType.Scalar -> if (type.kind == ScalarKind.JSON) SchemaNode(null, null, field) else SchemaNode(null, type, field)
            else -> SchemaNode(null, type, field)
        }
    }
}
