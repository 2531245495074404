package io.kubekt.api

/** The receiver in which a generated model type declares its fields, in canonical output order. */
@ModelCodegenApi
public class FieldTable internal constructor() {
    internal val fields = ArrayList<FieldSchema>()

    /** Declares the next field. */
    public fun field(
        name: String,
        type: ValueType,
        patchStrategy: String? = null,
        patchMergeKey: String? = null,
        listType: String? = null,
        listMapKeys: List<String>? = null,
        mapType: String? = null,
        sensitive: Boolean = false,
        required: Boolean = false,
    ) {
        require(!required || type is ValueType.ListOf) { "field '$name': only list fields can be required (they default to empty)" }
        fields.add(FieldSchema(name, type, patchStrategy, patchMergeKey, listType, listMapKeys.orEmpty(), mapType, sensitive, required))
    }

    /** `String`. */
    public val string: ValueType get() = ValueType.scalar(ScalarKind.STRING)

    /** `Int`. */
    public val int32: ValueType get() = ValueType.scalar(ScalarKind.INT32)

    /** `Long`. */
    public val int64: ValueType get() = ValueType.scalar(ScalarKind.INT64)

    /** `Boolean`. */
    public val boolean: ValueType get() = ValueType.scalar(ScalarKind.BOOLEAN)

    /** `Double`. */
    public val double: ValueType get() = ValueType.scalar(ScalarKind.DOUBLE)

    /** Base64 text. */
    public val bytes: ValueType get() = ValueType.scalar(ScalarKind.BYTES)

    /** [Quantity]. */
    public val quantity: ValueType get() = ValueType.scalar(ScalarKind.QUANTITY)

    /** [IntOrString]. */
    public val intOrString: ValueType get() = ValueType.scalar(ScalarKind.INT_OR_STRING)

    /** `meta/v1 Time`. */
    public val time: ValueType get() = ValueType.scalar(ScalarKind.TIME)

    /** `meta/v1 MicroTime`. */
    public val microTime: ValueType get() = ValueType.scalar(ScalarKind.MICRO_TIME)

    /** Free-form JSON. */
    public val json: ValueType get() = ValueType.scalar(ScalarKind.JSON)

    /** `meta/v1 FieldsV1`. */
    public val fieldsV1: ValueType get() = ValueType.scalar(ScalarKind.FIELDS_V1)

    /** Objects of [type]. */
    public fun model(type: ModelType<*>): ValueType = ValueType.model(type)

    /** Lists of [element]. */
    public fun list(element: ValueType): ValueType = ValueType.list(element)

    /** String-keyed maps of [value]. */
    public fun map(value: ValueType): ValueType = ValueType.map(value)
}
