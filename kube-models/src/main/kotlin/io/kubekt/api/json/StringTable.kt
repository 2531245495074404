package io.kubekt.api.json

import java.nio.charset.StandardCharsets.ISO_8859_1
import java.nio.charset.StandardCharsets.UTF_8

/**
 * A fixed-size, lossy cache of short ASCII strings read from JSON.
 *
 * Kubernetes objects repeat the same short strings over and over (label keys, namespaces,
 * `IfNotPresent`, `TCP`, `FieldsV1`...). Reusing one instance per value saves allocation while
 * decoding and memory in caches holding many objects. A string of up to 24 bytes is identified
 * exactly by its length and three packed longs, so a hit costs no byte comparison. The table is
 * shared by all threads without locking: a slot holds one immutable entry, so a race can only
 * cause a miss.
 */
internal object StringTable {
    const val MAX_LENGTH: Int = 24
    private const val SIZE = 1 shl 14

    private class Entry(val w0: Long, val w1: Long, val w2: Long, val value: String)

    private val table = arrayOfNulls<Entry>(SIZE)

    fun get(b: ByteArray, off: Int, len: Int, ascii: Boolean): String {
        if (!ascii) return String(b, off, len, UTF_8)
        if (len > MAX_LENGTH) return String(b, off, len, ISO_8859_1)
        val w0 = Words.word(b, off, len, 0)
        val w1 = Words.word(b, off, len, 8)
        val w2 = Words.word(b, off, len, 16)
        val slot = Words.mix(w0, w1, w2, len) and (SIZE - 1)
        val e = table[slot]
        if (e != null && e.w0 == w0 && e.w1 == w1 && e.w2 == w2 && e.value.length == len) return e.value
        val s = String(b, off, len, ISO_8859_1)
        table[slot] = Entry(w0, w1, w2, s)
        return s
    }
}
