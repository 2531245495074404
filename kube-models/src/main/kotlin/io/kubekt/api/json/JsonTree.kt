package io.kubekt.api.json

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.JsonUnquotedLiteral

/** Reads and writes free-form JSON as kotlinx [JsonElement] trees (unknown fields, `JSON` fields). */
internal object JsonTree {
    @OptIn(ExperimentalSerializationApi::class)
    fun read(r: JsonReader): JsonElement {
        return when (r.peek()) {
            '{'.code -> {
                r.enter()
                val map = LinkedHashMap<String, JsonElement>()
                if (r.beginObject()) {
                    do {
                        val key = r.readName()
                        map[key] = try {
                            read(r)
                        } catch (e: JsonDecodeError) {
                            throw e.at(key)
                        }
                    } while (r.nextMember())
                }
                r.leave()
                JsonObject(map)
            }
            '['.code -> {
                r.enter()
                val list = ArrayList<JsonElement>()
                if (r.beginArray()) {
                    do {
                        list.add(
                            try {
                                read(r)
                            } catch (e: JsonDecodeError) {
                                throw e.at(list.size)
                            },
                        )
                    } while (r.nextElement())
                }
                r.leave()
                JsonArray(list)
            }
            '"'.code -> JsonPrimitive(r.readString())
            't'.code, 'f'.code -> JsonPrimitive(r.readBoolean())
            'n'.code -> {
                r.consumeNull()
                JsonNull
            }
            -1 -> throw r.error("expected a value but found end of input")
            else -> JsonUnquotedLiteral(r.readNumberText())
        }
    }

    fun write(w: JsonWriter, e: JsonElement) {
        when (e) {
            is JsonObject -> {
                w.beginObject()
                for ((k, v) in e) {
                    w.name(k)
                    write(w, v)
                }
                w.endObject()
            }
            is JsonArray -> {
                w.beginArray()
                for (v in e) write(w, v)
                w.endArray()
            }
            is JsonNull -> w.nullValue()
            is JsonPrimitive -> if (e.isString) w.string(e.content) else w.raw(e.content)
        }
    }
}
