package io.kubekt.api.json

import io.kubekt.api.FieldOrder
import io.kubekt.api.KubeModel
import io.kubekt.api.ModelType
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/**
 * Reads and writes any model from its [ModelTable]: one pass over the bytes, values decoded
 * straight into the model's slot array, unknown members kept as [JsonElement]s, and the member
 * order recorded (see [FieldOrder]) so output reproduces input.
 */
internal object ModelCodec {
    fun <T : KubeModel<T, *>> read(r: JsonReader, type: ModelType<T>): T {
        val t = type.table
        val values = arrayOfNulls<Any?>(t.size)
        var unknown: LinkedHashMap<String, JsonElement>? = null
        var node = t.root
        if (r.beginObject()) {
            r.enter()
            do {
                val i = r.readKey(t.keys)
                if (i >= 0 && i == t.managedFieldsSlot && r.dropManagedFields) {
                    r.skipValue()
                    continue
                }
                if (i >= 0) {
                    try {
                        if (r.consumeNull()) {
                            values[i] = null
                            node = node.next(i or FieldOrder.NULL_BIT)
                        } else {
                            values[i] = t.types[i].read(r)
                            node = node.next(i)
                        }
                    } catch (e: JsonDecodeError) {
                        throw e.at(t.names[i])
                    }
                } else {
                    val key = r.lastKey()
                    val value = try {
                        JsonTree.read(r)
                    } catch (e: JsonDecodeError) {
                        throw e.at(key)
                    }
                    (unknown ?: LinkedHashMap<String, JsonElement>().also { unknown = it })[key] = value
                    node = node.next(FieldOrder.UNKNOWN)
                }
            } while (r.nextMember())
            r.leave()
        }
        return type.create(values, unknown?.let { JsonObject(it) }, node)
    }

    fun write(w: JsonWriter, m: KubeModel<*, *>) {
        val t = m.modelType.table
        val values = m.fieldValues
        val unknown = m.extraFields?.entries?.iterator()
        val order = m.fieldOrder
        w.beginObject()
        if (order != null && order.table === t) {
            for (k in order.seq) {
                if (k == FieldOrder.UNKNOWN) {
                    if (unknown != null && unknown.hasNext()) unknown.next().let { (key, v) -> w.name(key); JsonTree.write(w, v) }
                    continue
                }
                val i = k and FieldOrder.INDEX_MASK
                val v = values[i]
                if (v != null) {
                    w.name(t.prefixes[i])
                    t.types[i].write(w, v)
                } else if (k and FieldOrder.NULL_BIT != 0) {
                    w.name(t.prefixes[i])
                    w.nullValue()
                }
            }
            for (i in 0 until t.size) {
                if (order.has(i)) continue
                val v = values[i] ?: continue
                w.name(t.prefixes[i])
                t.types[i].write(w, v)
            }
        } else {
            for (i in 0 until t.size) {
                val v = values[i] ?: continue
                w.name(t.prefixes[i])
                t.types[i].write(w, v)
            }
        }
        unknown?.forEach { (key, v) ->
            w.name(key)
            JsonTree.write(w, v)
        }
        w.endObject()
    }
}
