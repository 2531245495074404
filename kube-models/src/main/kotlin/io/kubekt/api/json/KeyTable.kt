package io.kubekt.api.json

import java.util.Arrays

/**
 * Maps the UTF-8 bytes of a member name to a field index without creating a string:
 * open addressing on the name's hash, then a byte comparison.
 */
internal class KeyTable(names: List<String>) {
    private val keys: Array<ByteArray> = Array(names.size) { names[it].toByteArray(Charsets.UTF_8) }
    private val byName = HashMap<String, Int>(names.size * 2).also { m -> names.forEachIndexed { i, n -> m[n] = i } }
    private val mask: Int
    private val slots: IntArray

    init {
        var n = 4
        while (n < names.size * 3) n = n shl 1
        mask = n - 1
        slots = IntArray(n)
        for (i in keys.indices) {
            var s = spread(hash(keys[i])) and mask
            while (slots[s] != 0) s = (s + 1) and mask
            slots[s] = i + 1
        }
    }

    /** The index of the name in `b[off, off + len)` whose [hash] is the Java-style hash of its bytes. */
    fun find(b: ByteArray, off: Int, len: Int, hash: Int): Int {
        var s = spread(hash) and mask
        while (true) {
            val e = slots[s]
            if (e == 0) return -1
            val k = keys[e - 1]
            if (k.size == len && Arrays.equals(b, off, off + len, k, 0, len)) return e - 1
            s = (s + 1) and mask
        }
    }

    fun find(name: String): Int = byName[name] ?: -1

    companion object {
        val EMPTY: KeyTable = KeyTable(emptyList())

        private fun hash(k: ByteArray): Int {
            var h = 0
            for (c in k) h = 31 * h + c
            return h
        }

        private fun spread(h: Int): Int = h xor (h ushr 16)
    }
}
