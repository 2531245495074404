package io.kubekt.api

import io.kubekt.api.json.ModelTable

/**
 * The order in which a decoded object's fields appeared, so that writing it back reproduces the
 * input byte for byte (the API server writes fields in Go struct order, which the OpenAPI spec
 * does not record). Opaque; not part of a model's value.
 *
 * Orders are shared: each model type keeps a small tree of the sequences seen so far and every
 * decoded object points at its node, so tracking costs one reference per object.
 */
public class FieldOrder internal constructor(
    internal val table: ModelTable,
    internal val seq: IntArray,
    private val present: LongArray,
) {
    @Volatile private var edges: Array<Edge> = NO_EDGES

    private class Edge(val key: Int, val node: FieldOrder)

    internal fun has(index: Int): Boolean = present[index ushr 6] and (1L shl index) != 0L

    /** The node reached by appending [key] (a field index, optionally with [NULL_BIT], or [UNKNOWN]). */
    internal fun next(key: Int): FieldOrder {
        for (e in edges) if (e.key == key) return e.node
        return grow(key)
    }

    private fun grow(key: Int): FieldOrder {
        if (key != UNKNOWN && has(key and INDEX_MASK)) return this
        synchronized(this) {
            for (e in edges) if (e.key == key) return e.node
            val child = FieldOrder(table, seq + key, present.copyOf().also { if (key != UNKNOWN) mark(it, key and INDEX_MASK) })
            if (table.orderNodes.incrementAndGet() <= MAX_NODES) edges = edges + Edge(key, child)
            return child
        }
    }

    internal companion object {
        const val UNKNOWN: Int = -1
        const val NULL_BIT: Int = 1 shl 16
        const val INDEX_MASK: Int = 0xFFFF
        private const val MAX_NODES = 2048
        private val NO_EDGES = emptyArray<Edge>()

        fun root(table: ModelTable, size: Int): FieldOrder = FieldOrder(table, IntArray(0), LongArray((size + 63) / 64))

        private fun mark(bits: LongArray, index: Int) {
            bits[index ushr 6] = bits[index ushr 6] or (1L shl index)
        }
    }
}
