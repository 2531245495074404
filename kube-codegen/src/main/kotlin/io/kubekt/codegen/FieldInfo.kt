package io.kubekt.codegen

/** What the emitters need to know about one property of a definition. */
internal class FieldInfo(
    val property: Property,
    /** Index in the model's slot array. */
    val slot: Int,
    /** Kotlin identifier (unquoted). */
    val name: String,
    /** Kotlin type, without the trailing `?`. */
    val type: String,
    /** The value-type expression for the field table. */
    val table: String,
    /** The nested model class for objects, list elements or map values. */
    val nested: String?,
    /** Name of the add-one (list) / put-one (map) method, or null. */
    val adder: String?,
    /** The Kotlin type of one element / map value. */
    val elementType: String?,
    val sensitive: Boolean,
    val override: Boolean,
    /** A list kind's `items`: never null (absent reads as empty), so its Kotlin type is not nullable. */
    val required: Boolean = false,
) {
    /** The Kotlin type as properties declare it: [type], nullable unless [required]. */
    val declared: String get() = if (required) type else "$type?"
}
