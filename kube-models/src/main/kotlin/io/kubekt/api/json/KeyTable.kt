package io.kubekt.api.json

import java.util.Arrays

/**
 * Maps the UTF-8 bytes of a member name to a field index without creating a string: names up to
 * 16 bytes compare as two packed longs, longer ones byte by byte after the same check.
 */
internal class KeyTable(names: List<String>) {
    private val keys: Array<ByteArray> = Array(names.size) { names[it].toByteArray(Charsets.UTF_8) }
    private val w0 = LongArray(keys.size) { Words.word(keys[it], 0, keys[it].size, 0) }
    private val w1 = LongArray(keys.size) { Words.word(keys[it], 0, keys[it].size, 8) }
    private val byName = HashMap<String, Int>(names.size * 2).also { m -> names.forEachIndexed { i, n -> m[n] = i } }
    private val mask: Int
    private val slots: IntArray

    init {
        var n = 4
        while (n < names.size * 3) n = n shl 1
        mask = n - 1
        slots = IntArray(n)
        for (i in keys.indices) {
            var s = Words.mix(w0[i], w1[i], 0, keys[i].size) and mask
            while (slots[s] != 0) s = (s + 1) and mask
            slots[s] = i + 1
        }
    }

    /** The index of the name in `b[off, off + len)`, or -1. */
    fun find(b: ByteArray, off: Int, len: Int): Int {
        val a0 = Words.word(b, off, len, 0)
        val a1 = Words.word(b, off, len, 8)
        var s = Words.mix(a0, a1, 0, len) and mask
        while (true) {
            val e = slots[s]
            if (e == 0) return -1
            val i = e - 1
            if (w0[i] == a0 && w1[i] == a1 && keys[i].size == len && (len <= 16 || Arrays.equals(b, off, off + len, keys[i], 0, len))) return i
            s = (s + 1) and mask
        }
    }

    fun find(name: String): Int = byName[name] ?: -1
}
