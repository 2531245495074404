package io.kubekt.api.json

import java.nio.charset.StandardCharsets.ISO_8859_1
import java.nio.charset.StandardCharsets.UTF_8

/**
 * A fixed-size, lossy cache of short ASCII strings read from JSON.
 *
 * Kubernetes objects repeat the same short strings over and over (label keys, namespaces,
 * `IfNotPresent`, `TCP`, `FieldsV1`...). Reusing one instance per value saves allocation while
 * decoding and memory in caches holding many objects. The table is shared by all threads without
 * locking: a slot holds an immutable String, so a racing write can only cause a miss.
 */
internal object StringTable {
    const val MAX_LENGTH: Int = 40
    private const val SIZE = 1 shl 14
    private val table = arrayOfNulls<String>(SIZE)

    fun get(b: ByteArray, off: Int, len: Int, ascii: Boolean): String {
        if (!ascii) return String(b, off, len, UTF_8)
        if (len > MAX_LENGTH) return String(b, off, len, ISO_8859_1)
        var h = 0
        for (i in off until off + len) h = 31 * h + b[i]
        val slot = (h xor (h ushr 15)) and (SIZE - 1)
        val cached = table[slot]
        if (cached != null && cached.length == len && sameChars(cached, b, off, len)) return cached
        val s = String(b, off, len, ISO_8859_1)
        table[slot] = s
        return s
    }

    private fun sameChars(s: String, b: ByteArray, off: Int, len: Int): Boolean {
        for (i in 0 until len) if (s[i].code != b[off + i].toInt()) return false
        return true
    }
}
