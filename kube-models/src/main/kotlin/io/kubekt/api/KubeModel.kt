package io.kubekt.api

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * An immutable Kubernetes object or part of one, as generated from the OpenAPI spec.
 *
 * Every field is nullable: null means absent, and an empty list or map is kept distinct from an
 * absent one. Members the model does not know are kept in [unknownFields] and written back, in
 * their original position, together with explicit `null`s the input carried; nothing else is ever
 * written as `null`. Equality is by value over all fields, unknown ones included (not over member
 * order). Change a copy with [toBuilder] (Java) or `edit { }` (Kotlin).
 */
public abstract class KubeModel<T : KubeModel<T, B>, B : ModelBuilder<T>> @ModelCodegenApi protected constructor(
    values: Array<Any?>,
    unknown: JsonObject?,
    order: FieldOrder?,
) {
    @JvmField internal val fieldValues: Array<Any?> = values

    @JvmField internal val extraFields: JsonObject? = unknown

    @JvmField internal val fieldOrder: FieldOrder? = order

    /** The type descriptor of this model: fields, schema facts and the JSON codec. */
    public abstract val modelType: ModelType<T>

    /** Members of the JSON object this model has no field for, in input order; empty when none. */
    public val unknownFields: Map<String, JsonElement> get() = extraFields ?: emptyMap()

    /** A builder holding a copy of this model, to derive a changed copy. */
    public abstract fun toBuilder(): B

    /** A changed copy, in Kotlin: `web.edit { spec { replicas = 5 } }` (Java: `toBuilder()...build()`). */
    @JvmSynthetic
    public inline fun edit(block: B.() -> Unit): T = toBuilder().apply(block).build()

    /** This model as compact JSON, in the API server's format. */
    public fun toJson(): String {
        @Suppress("UNCHECKED_CAST")
        return modelType.encodeToString(this as T)
    }

    /** The value of the field at [index] in the generated field table. */
    @ModelCodegenApi
    protected fun slot(index: Int): Any? = fieldValues[index]

    final override fun equals(other: Any?): Boolean {
        if (this === other) return true
        if (other !is KubeModel<*, *> || other.javaClass != javaClass) return false
        return fieldValues.contentEquals(other.fieldValues) && unknownFields == other.unknownFields
    }

    final override fun hashCode(): Int = 31 * fieldValues.contentHashCode() + unknownFields.hashCode()

    /** Lists the fields that are set; sensitive values (Secret data, tokens) and unknown values are not shown. */
    final override fun toString(): String {
        val t = modelType.table
        val sb = StringBuilder(modelType.simpleName).append('(')
        var first = true
        for (i in fieldValues.indices) {
            val v = fieldValues[i] ?: continue
            if (!first) sb.append(", ")
            first = false
            sb.append(t.names[i]).append('=')
            if (t.sensitive[i]) sb.append("<redacted>") else sb.append(v)
        }
        if (extraFields != null) {
            if (!first) sb.append(", ")
            sb.append("unknownFields=").append(extraFields.keys)
        }
        return sb.append(')').toString()
    }
}
