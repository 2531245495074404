package io.kubekt.api

import io.kubekt.api.json.FrozenList
import io.kubekt.api.json.FrozenMap
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import java.util.function.Consumer

/**
 * A mutable builder of one model type. Generated subclasses add a property, a fluent setter and,
 * for nested objects, lists and maps, nested-builder and add-one methods per field.
 *
 * Lists and maps handed to a builder are copied, so the built model stays immutable.
 */
@KubeDsl
public abstract class ModelBuilder<T : KubeModel<T, *>> @ModelCodegenApi protected constructor(
    private val type: ModelType<T>,
    from: T?,
) {
    private val values: Array<Any?> = (from?.fieldValues?.copyOf() ?: arrayOfNulls(type.table.size)).also(type.table::fillRequired)
    private var unknown: Map<String, JsonElement>? = from?.extraFields
    private val order: FieldOrder? = from?.fieldOrder

    /** Members without a field, written after (or, when copied from a decoded object, among) the known ones. */
    public var unknownFields: Map<String, JsonElement>
        get() = unknown ?: emptyMap()
        set(value) {
            value.keys.forEach(::checkUnknownName)
            unknown = if (value.isEmpty()) null else LinkedHashMap(value)
        }

    /** Sets (or, with null, removes) one member without a field. */
    public fun unknownField(name: String, value: JsonElement?): ModelBuilder<T> {
        checkUnknownName(name)
        val m = LinkedHashMap(unknownFields)
        if (value == null) m.remove(name) else m[name] = value
        unknown = m.ifEmpty { null }
        return this
    }

    private fun checkUnknownName(name: String) {
        require(type.field(name) == null) { "'$name' is a field of ${type.name}; set it through its property" }
    }

    /** Builds an immutable model; the builder can be used further. */
    public fun build(): T = type.create(values.copyOf(), unknown?.let { JsonObject(it) }, order)

    /** The value of the field at [index]. */
    @ModelCodegenApi
    protected fun slot(index: Int): Any? = values[index]

    /** Sets the field at [index], copying lists and maps into immutable ones. */
    @ModelCodegenApi
    protected fun setSlot(index: Int, value: Any?) {
        values[index] = freeze(value, index)
    }

    /** Edits the nested object at [index] in place, starting from the current value when there is one. */
    @ModelCodegenApi
    protected fun <N : ModelBuilder<*>> editSlot(index: Int, nested: ModelType<*>, edit: (N) -> Unit) {
        @Suppress("UNCHECKED_CAST")
        val b = ((values[index] as KubeModel<*, *>?)?.toBuilder() ?: nested.builder()) as N
        edit(b)
        values[index] = b.build()
    }

    /** [editSlot] for Java's [Consumer]. */
    @ModelCodegenApi
    protected fun <N : ModelBuilder<*>> editSlot(index: Int, nested: ModelType<*>, edit: Consumer<N>) {
        editSlot<N>(index, nested) { edit.accept(it) }
    }

    /** Appends [item] to the list at [index]. */
    @ModelCodegenApi
    protected fun appendToSlot(index: Int, item: Any) {
        val current = values[index] as List<*>?
        val items = arrayOfNulls<Any?>((current?.size ?: 0) + 1)
        current?.forEachIndexed { i, e -> items[i] = e }
        items[items.size - 1] = freeze(item, index)
        values[index] = FrozenList.wrap<Any>(items)
    }

    /** Appends a new object of [nested], built by [edit], to the list at [index]. */
    @ModelCodegenApi
    protected fun <N : ModelBuilder<*>> appendNewToSlot(index: Int, nested: ModelType<*>, edit: (N) -> Unit) {
        @Suppress("UNCHECKED_CAST")
        val b = nested.builder() as N
        edit(b)
        appendToSlot(index, b.build())
    }

    /** [appendNewToSlot] for Java's [Consumer]. */
    @ModelCodegenApi
    protected fun <N : ModelBuilder<*>> appendNewToSlot(index: Int, nested: ModelType<*>, edit: Consumer<N>) {
        appendNewToSlot<N>(index, nested) { edit.accept(it) }
    }

    /** Puts one entry into the map at [index]. */
    @ModelCodegenApi
    protected fun putSlotEntry(index: Int, key: String, value: Any) {
        val m = LinkedHashMap<String, Any?>((values[index] as Map<*, *>?)?.size ?: 0)
        @Suppress("UNCHECKED_CAST")
        (values[index] as Map<String, Any?>?)?.let(m::putAll)
        m[key] = value
        values[index] = freeze(m, index)
    }

    private fun freeze(value: Any?, index: Int): Any? = when (value) {
        null -> null
        is List<*> -> FrozenList.wrap<Any>(Array(value.size) { freeze(value[it] ?: nullElement(index), index) })
        is Map<*, *> -> {
            val kv = arrayOfNulls<Any?>(value.size * 2)
            var i = 0
            for ((k, v) in value) {
                kv[i++] = k as? String ?: nullElement(index)
                kv[i++] = freeze(v ?: nullElement(index), index)
            }
            FrozenMap.wrap<Any>(kv)
        }
        else -> value
    }

    private fun nullElement(index: Int): Nothing =
        throw IllegalArgumentException("null inside field '${type.table.names[index]}' of ${type.name}: lists and maps cannot hold null")
}
