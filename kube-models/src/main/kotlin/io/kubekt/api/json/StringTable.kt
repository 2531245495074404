package io.kubekt.api.json

import java.nio.charset.StandardCharsets.ISO_8859_1
import java.nio.charset.StandardCharsets.UTF_8

/**
 * Fixed-size, lossy caches of the ASCII strings read from JSON, so that equal values share one
 * instance.
 *
 * Kubernetes objects repeat the same strings over and over: short ones in every object (label
 * keys, namespaces, `IfNotPresent`, `TCP`, `FieldsV1`...) and longer ones across the replicas of
 * one template (images and image IDs with their digests, mount paths, env values, owner names).
 * Reusing one instance per value saves allocation while decoding and memory in caches holding
 * many objects (an informer's). A string of up to 24 bytes is identified exactly by its length and
 * three packed longs, so a hit costs no byte comparison; a longer one, up to [MAX_LONG_LENGTH]
 * bytes, by a hash of its bytes and then a comparison of them. Longer strings (managedFields'
 * `fieldsV1`, certificates, last-applied configurations) are rarely equal and are not cached.
 * The tables are shared by all threads without locking: a slot holds one immutable entry, so a
 * race can only cause a miss; together they hold at most about 1 MB.
 */
internal object StringTable {
    const val MAX_LENGTH: Int = 24
    const val MAX_LONG_LENGTH: Int = 256
    private const val SIZE = 1 shl 14
    private const val LONG_SIZE = 1 shl 12

    private class Entry(val w0: Long, val w1: Long, val w2: Long, val value: String)

    private class LongEntry(val hash: Int, val value: String)

    private val table = arrayOfNulls<Entry>(SIZE)
    private val longTable = arrayOfNulls<LongEntry>(LONG_SIZE)

    fun get(b: ByteArray, off: Int, len: Int, ascii: Boolean): String {
        if (!ascii) return String(b, off, len, UTF_8)
        if (len > MAX_LENGTH) return getLong(b, off, len)
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

    private fun getLong(b: ByteArray, off: Int, len: Int): String {
        if (len > MAX_LONG_LENGTH) return String(b, off, len, ISO_8859_1)
        val hash = hashOf(b, off, len)
        val slot = hash and (LONG_SIZE - 1)
        val e = longTable[slot]
        if (e != null && e.hash == hash && sameText(e.value, b, off, len)) return e.value
        val s = String(b, off, len, ISO_8859_1)
        longTable[slot] = LongEntry(hash, s)
        return s
    }

    private fun hashOf(b: ByteArray, off: Int, len: Int): Int {
        var h = len.toLong()
        var at = 0
        while (at < len) {
            h = (h xor Words.word(b, off, len, at)) * -0x61c8864680b583ebL
            at += 8
        }
        return (h xor (h ushr 29) xor (h ushr 47)).toInt()
    }

    private fun sameText(s: String, b: ByteArray, off: Int, len: Int): Boolean {
        if (s.length != len) return false
        for (i in 0 until len) if (s[i].code != (b[off + i].toInt() and 0xFF)) return false
        return true
    }
}
