package io.kubekt.api.json

import java.lang.invoke.MethodHandles
import java.lang.invoke.VarHandle
import java.nio.ByteOrder

private val LONGS: VarHandle = MethodHandles.byteArrayViewVarHandle(LongArray::class.java, ByteOrder.LITTLE_ENDIAN)
private const val ONES = 0x0101010101010101L
private const val HIGHS = -0x7F7F7F7F7F7F7F80L
private const val QUOTES = 0x2222222222222222L
private const val BACKSLASHES = 0x5C5C5C5C5C5C5C5CL

/**
 * Eight-bytes-at-a-time helpers: finding the end of plain string content, and packing short byte
 * runs into longs so that names and short strings compare as two or three `long`s.
 */
internal object Words {
    /** The first position at or after [from] whose 8-byte block may hold a quote, a backslash or a non-ASCII byte. */
    fun skipPlain(b: ByteArray, from: Int, end: Int): Int {
        var p = from
        val limit = end - 8
        while (p <= limit) {
            val v = LONGS.get(b, p) as Long
            val q = v xor QUOTES
            val s = v xor BACKSLASHES
            if ((((q - ONES) and q.inv()) or ((s - ONES) and s.inv()) or v) and HIGHS != 0L) return p
            p += 8
        }
        return p
    }

    /** Bytes `[off + from, off + min(len, from + 8))` packed little-endian into a long; 0 past [len]. */
    fun word(b: ByteArray, off: Int, len: Int, from: Int): Long {
        val n = len - from
        if (n <= 0) return 0L
        val at = off + from
        if (n >= 8) return LONGS.get(b, at) as Long
        if (at + 8 <= b.size) return (LONGS.get(b, at) as Long) and ((1L shl (n * 8)) - 1)
        var v = 0L
        for (i in n - 1 downTo 0) v = (v shl 8) or (b[at + i].toLong() and 0xFF)
        return v
    }

    fun mix(w0: Long, w1: Long, w2: Long, len: Int): Int {
        var h = w0 * -0x61c8864680b583ebL + w1
        h = h * -0x61c8864680b583ebL + w2
        h = h * -0x61c8864680b583ebL + len
        return (h xor (h ushr 29) xor (h ushr 47)).toInt()
    }
}
