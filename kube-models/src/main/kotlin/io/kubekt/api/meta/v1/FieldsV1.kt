package io.kubekt.api.meta.v1

import io.kubekt.api.json.JsonReader
import io.kubekt.api.json.JsonTree
import io.kubekt.api.json.JsonWriter
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonElement

/**
 * The set of fields a manager owns (`managedFields[].fieldsV1`), kept as the compact JSON text
 * the server sent and parsed into a [JsonElement] only when [json] is read.
 *
 * Managed fields are often half the bytes of a list response; keeping them as text makes
 * decoding cheap and writing them back exact.
 */
public class FieldsV1 private constructor(private val text: String, @Volatile private var tree: JsonElement?) {
    /** The field set as a JSON tree (usually an object of `f:`/`k:`/`v:`/`i:` keys). */
    public val json: JsonElement
        get() = tree ?: text.toByteArray(Charsets.UTF_8).let { JsonTree.read(JsonReader(it, 0, it.size)) }.also { tree = it }

    override fun equals(other: Any?): Boolean = this === other || other is FieldsV1 && (text == other.text || json == other.json)

    override fun hashCode(): Int = json.hashCode()

    /** The compact JSON text. */
    override fun toString(): String = text

    public companion object {
        /** Wraps a JSON tree. */
        @JvmStatic
        public fun of(json: JsonElement): FieldsV1 {
            val w = JsonWriter()
            JsonTree.write(w, json)
            return FieldsV1(w.toUtf8String(), json)
        }

        /** Parses JSON text, failing with a [SerializationException] when it is not JSON. */
        @JvmStatic
        public fun parse(text: String): FieldsV1 {
            val bytes = text.toByteArray(Charsets.UTF_8)
            val r = JsonReader(bytes, 0, bytes.size)
            val tree = try {
                JsonTree.read(r).also { r.expectEnd() }
            } catch (e: io.kubekt.api.json.JsonDecodeError) {
                throw SerializationException("Cannot parse FieldsV1: ${e.reason} at byte offset ${e.offset}")
            }
            return of(tree)
        }

        internal fun ofCompact(text: String): FieldsV1 = FieldsV1(text, null)
    }
}
