package io.kubekt.api

import io.kubekt.api.json.JsonDecodeError
import io.kubekt.api.json.JsonReader
import io.kubekt.api.json.JsonTree
import io.kubekt.api.json.JsonWriter
import io.kubekt.api.json.ModelCodec
import io.kubekt.api.json.ModelTable
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import java.io.InputStream
import java.io.OutputStream

/**
 * Describes one generated model type: its OpenAPI definition name, the kinds it represents, its
 * fields with their schema facts, and the fast JSON codec for it.
 *
 * Decoding reads UTF-8 bytes in one pass with kubekt's own streaming reader (see
 * docs/decisions/models.md); errors are kotlinx [SerializationException]s naming the type, the
 * JSON path and the byte offset, never the offending value.
 */
public class ModelType<T : KubeModel<T, *>> @ModelCodegenApi constructor(
    /** The OpenAPI definition name, e.g. `io.k8s.api.core.v1.Pod`. */
    public val name: String,
    /** The generated class. */
    public val modelClass: Class<T>,
    /** The kinds this type is served as (`x-kubernetes-group-version-kind`); empty for parts of objects. */
    public val groupVersionKinds: List<GroupVersionKind>,
    /** `x-kubernetes-map-type` of the type itself (`atomic` or `granular`), when the spec sets it. */
    public val mapType: String?,
    private val factory: (Array<Any?>, JsonObject?, FieldOrder?) -> T,
    private val newBuilder: () -> ModelBuilder<T>,
    private val declare: FieldTable.() -> Unit,
) {
    @OptIn(ModelCodegenApi::class)
    internal val table: ModelTable by lazy(LazyThreadSafetyMode.PUBLICATION) {
        ModelTable(FieldTable().apply(declare).fields)
    }

    private val fieldsByName: Map<String, FieldSchema> by lazy(LazyThreadSafetyMode.PUBLICATION) {
        table.fields.associateBy { it.name }
    }

    internal val simpleName: String get() = modelClass.simpleName

    /** The fields, in the order objects built in code are written. */
    public val fields: List<FieldSchema> get() = table.fields

    /** The field with JSON name [name], or null. */
    public fun field(name: String): FieldSchema? = fieldsByName[name]

    /**
     * The field at a dotted path such as `spec.template.spec.containers`, stepping through nested
     * objects, list elements and map values; null when a step does not exist.
     */
    public fun fieldAt(path: String): FieldSchema? {
        var type: ModelType<*>? = this
        var result: FieldSchema? = null
        for (step in path.split('.')) {
            result = type?.field(step) ?: return null
            type = result.modelType
        }
        return result
    }

    /** A new, empty builder of this type. */
    public fun builder(): ModelBuilder<T> = newBuilder()

    /** The kotlinx.serialization adapter; it works with the `Json` format (and [JsonElement]s). */
    public val serializer: KSerializer<T> by lazy(LazyThreadSafetyMode.PUBLICATION) { ModelSerializer(this) }

    internal fun create(values: Array<Any?>, unknown: JsonObject?, order: FieldOrder?): T {
        table.fillRequired(values)
        return factory(values, unknown, order)
    }

    /** Decodes UTF-8 JSON. */
    public fun decode(json: ByteArray): T = decode(json, 0, json.size)

    /** Decodes the UTF-8 JSON in `json[offset, offset + length)`. */
    public fun decode(json: ByteArray, offset: Int, length: Int): T = decode(json, offset, length, dropManagedFields = false)

    /**
     * Decodes UTF-8 JSON; with [dropManagedFields], every `metadata.managedFields` in it (the
     * object's, or each item's in a list) is passed over unread, as if absent: faster than
     * decoding and then dropping them, and nothing of them is allocated.
     */
    public fun decode(json: ByteArray, dropManagedFields: Boolean): T = decode(json, 0, json.size, dropManagedFields)

    private fun decode(json: ByteArray, offset: Int, length: Int, dropManagedFields: Boolean): T {
        val r = JsonReader(json, offset, offset + length)
        r.dropManagedFields = dropManagedFields
        try {
            val value = ModelCodec.read(r, this)
            r.expectEnd()
            return value
        } catch (e: JsonDecodeError) {
            throw SerializationException("Cannot decode $name: ${e.reason} at ${e.path()} (byte offset ${e.offset})")
        }
    }

    /** Decodes JSON text. */
    public fun decode(json: String): T = decode(json.toByteArray(Charsets.UTF_8))

    /** Decodes all of [json], which is not closed. */
    public fun decode(json: InputStream): T = decode(json.readBytes())

    /** Decodes a kotlinx JSON tree. */
    public fun decode(json: JsonElement): T {
        val w = JsonWriter()
        JsonTree.write(w, json)
        return decode(w.bytes, 0, w.size)
    }

    /** Encodes [value] as compact UTF-8 JSON. */
    public fun encode(value: T): ByteArray = writer(value).toByteArray()

    /** Encodes [value] as compact JSON text. */
    public fun encodeToString(value: T): String = writer(value).toUtf8String()

    /** Writes [value] as compact UTF-8 JSON to [out], which is not closed. */
    public fun encodeTo(value: T, out: OutputStream): Unit = writer(value).writeTo(out)

    /** Encodes [value] as a kotlinx JSON tree. */
    public fun encodeToJsonElement(value: T): JsonElement {
        val w = writer(value)
        return JsonTree.read(JsonReader(w.bytes, 0, w.size))
    }

    private fun writer(value: T): JsonWriter = JsonWriter(512).also { ModelCodec.write(it, value) }

    override fun toString(): String = "ModelType($name)"
}
