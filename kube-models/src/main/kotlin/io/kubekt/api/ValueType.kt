package io.kubekt.api

import io.kubekt.api.json.FrozenList
import io.kubekt.api.json.FrozenMap
import io.kubekt.api.json.JsonDecodeError
import io.kubekt.api.json.JsonReader
import io.kubekt.api.json.JsonTree
import io.kubekt.api.json.JsonWriter
import io.kubekt.api.json.ModelCodec
import io.kubekt.api.json.TimeFormat
import io.kubekt.api.meta.v1.FieldsV1
import kotlinx.serialization.json.JsonElement
import java.time.Instant

/** The type of a model field's value: a scalar, another model, a list or a string-keyed map. */
public sealed class ValueType {
    internal abstract fun read(r: JsonReader): Any

    internal abstract fun write(w: JsonWriter, v: Any)

    /** A scalar value of the given [kind]. */
    public class Scalar internal constructor(public val kind: ScalarKind) : ValueType() {
        override fun read(r: JsonReader): Any = when (kind) {
            ScalarKind.STRING, ScalarKind.BYTES -> r.readString()
            ScalarKind.INT32 -> r.readInt()
            ScalarKind.INT64 -> r.readLong()
            ScalarKind.BOOLEAN -> r.readBoolean()
            ScalarKind.DOUBLE -> r.readDouble()
            ScalarKind.QUANTITY -> Quantity.read(r)
            ScalarKind.INT_OR_STRING -> IntOrString.read(r)
            ScalarKind.TIME, ScalarKind.MICRO_TIME -> r.readInstant()
            ScalarKind.JSON -> JsonTree.read(r)
            ScalarKind.FIELDS_V1 -> FieldsV1.ofCompact(r.readRawCompact())
        }

        override fun write(w: JsonWriter, v: Any) {
            when (kind) {
                ScalarKind.STRING, ScalarKind.BYTES -> w.string(v as String)
                ScalarKind.INT32 -> w.number((v as Int).toLong())
                ScalarKind.INT64 -> w.number(v as Long)
                ScalarKind.BOOLEAN -> w.boolean(v as Boolean)
                ScalarKind.DOUBLE -> w.number(v as Double)
                ScalarKind.QUANTITY -> w.string(v.toString())
                ScalarKind.INT_OR_STRING -> (v as IntOrString).let { if (it.isInt) w.number(it.intValue.toLong()) else w.string(it.stringValue) }
                ScalarKind.TIME -> TimeFormat.write(w, v as Instant, micro = false)
                ScalarKind.MICRO_TIME -> TimeFormat.write(w, v as Instant, micro = true)
                ScalarKind.JSON -> JsonTree.write(w, v as JsonElement)
                ScalarKind.FIELDS_V1 -> w.raw(v.toString())
            }
        }

        override fun toString(): String = kind.name
    }

    /** An object of another model type. */
    public class Model internal constructor(public val model: ModelType<*>) : ValueType() {
        override fun read(r: JsonReader): Any = ModelCodec.read(r, model)

        override fun write(w: JsonWriter, v: Any) = ModelCodec.write(w, v as KubeModel<*, *>)

        override fun toString(): String = model.name
    }

    /** A JSON array; absent, empty and non-empty lists stay distinct. */
    public class ListOf internal constructor(public val element: ValueType) : ValueType() {
        override fun read(r: JsonReader): Any {
            if (!r.beginArray()) return FrozenList.empty<Any>()
            r.enter()
            var buf = r.takeBuffer()
            var n = 0
            try {
                do {
                    if (r.consumeNull()) throw r.error("null is not allowed as a list element")
                    if (n == buf.size) buf = buf.copyOf(n * 2)
                    buf[n] = element.read(r)
                    n++
                } while (r.nextElement())
            } catch (e: JsonDecodeError) {
                throw e.at(n)
            }
            val items = buf.copyOf(n)
            r.giveBuffer(buf, n)
            r.leave()
            return FrozenList.wrap<Any>(items)
        }

        override fun write(w: JsonWriter, v: Any) {
            w.beginArray()
            for (e in v as List<*>) element.write(w, e!!)
            w.endArray()
        }

        override fun toString(): String = "list($element)"
    }

    /** A JSON object with arbitrary string keys and values of one type. */
    public class MapOf internal constructor(public val value: ValueType) : ValueType() {
        override fun read(r: JsonReader): Any {
            if (!r.beginObject()) return FrozenMap.empty<Any>()
            r.enter()
            var buf = r.takeBuffer()
            var n = 0
            do {
                val key = r.readName()
                try {
                    if (r.consumeNull()) throw r.error("null is not allowed as a map value")
                    if (n + 2 > buf.size) buf = buf.copyOf(buf.size * 2)
                    buf[n] = key
                    buf[n + 1] = value.read(r)
                    n += 2
                } catch (e: JsonDecodeError) {
                    throw e.at(key)
                }
            } while (r.nextMember())
            val kv = buf.copyOf(n)
            r.giveBuffer(buf, n)
            r.leave()
            return FrozenMap.wrap<Any>(kv)
        }

        override fun write(w: JsonWriter, v: Any) {
            w.beginObject()
            for ((k, e) in v as Map<*, *>) {
                w.name(k as String)
                value.write(w, e!!)
            }
            w.endObject()
        }

        override fun toString(): String = "map($value)"
    }

    /** Factories for value types, used by generated field tables. */
    public companion object {
        private val scalars = ScalarKind.entries.map { Scalar(it) }

        /** The scalar value type of [kind]. */
        @JvmStatic
        public fun scalar(kind: ScalarKind): ValueType = scalars[kind.ordinal]

        /** Objects of [model]. */
        @JvmStatic
        public fun model(model: ModelType<*>): ValueType = Model(model)

        /** Lists of [element]. */
        @JvmStatic
        public fun list(element: ValueType): ValueType = ListOf(element)

        /** String-keyed maps of [value]. */
        @JvmStatic
        public fun map(value: ValueType): ValueType = MapOf(value)
    }
}
