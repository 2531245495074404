package io.kubekt.api.json

import io.kubekt.api.FieldOrder
import io.kubekt.api.FieldSchema
import io.kubekt.api.ValueType
import java.util.concurrent.atomic.AtomicInteger

/** The decoding and encoding tables of one model type, built on first use from its field list. */
internal class ModelTable(val fields: List<FieldSchema>) {
    val size: Int = fields.size
    val names: Array<String> = Array(size) { fields[it].name }
    val types: Array<ValueType> = Array(size) { fields[it].type }
    val sensitive: BooleanArray = BooleanArray(size) { fields[it].isSensitive }
    val keys: KeyTable = KeyTable(names.asList())

    /** The index of `managedFields` (ObjectMeta's), skipped when the reader drops them; -1 in other models. */
    val managedFieldsSlot: Int = names.indexOf("managedFields")

    /** Indices of the required list fields, which read as empty when absent or `null`. */
    private val required: IntArray = fields.indices.filter { fields[it].isRequired }.toIntArray()

    /** Sets every required list field of [values] that is null to the empty list. */
    fun fillRequired(values: Array<Any?>) {
        for (i in required) if (values[i] == null) values[i] = FrozenList.empty<Any>()
    }

    /** Each field's `"name":` as UTF-8 bytes, escaped as Go would. */
    val prefixes: Array<ByteArray> = Array(size) { i ->
        val w = JsonWriter(names[i].length + 8)
        w.name(names[i])
        w.toByteArray()
    }
    val orderNodes: AtomicInteger = AtomicInteger()
    val root: FieldOrder = FieldOrder.root(this, size)
}
