package io.kubekt.api.json

import java.io.OutputStream
import java.nio.charset.StandardCharsets.UTF_8

/**
 * Writes compact UTF-8 JSON into a growable byte array, escaping strings exactly as Go's
 * `encoding/json` does (including `<`, `>`, `&`, U+2028 and U+2029), so objects read from an API
 * server are written back byte for byte.
 */
internal class JsonWriter(initialCapacity: Int = 1024) {
    var bytes: ByteArray = ByteArray(maxOf(initialCapacity, 16))
        private set
    var size: Int = 0
    private var comma = false

    /** Ensures room for [n] more bytes and returns the buffer to write them at [size]. */
    fun reserve(n: Int): ByteArray {
        if (size + n > bytes.size) bytes = bytes.copyOf(maxOf(bytes.size * 2, size + n))
        return bytes
    }

    /** Starts a value written directly into the buffer: returns it with room for [n] bytes at [size]. */
    fun beginRawValue(n: Int): ByteArray {
        separate()
        return reserve(n)
    }

    /** Ends a value written directly into the buffer, which now holds [newSize] bytes. */
    fun endRawValue(newSize: Int) {
        size = newSize
        comma = true
    }

    private fun byte(c: Int) {
        if (size == bytes.size) reserve(1)
        bytes[size++] = c.toByte()
    }

    private fun separate() {
        if (comma) byte(','.code)
    }

    fun beginObject() {
        separate()
        byte('{'.code)
        comma = false
    }

    fun endObject() {
        byte('}'.code)
        comma = true
    }

    fun beginArray() {
        separate()
        byte('['.code)
        comma = false
    }

    fun endArray() {
        byte(']'.code)
        comma = true
    }

    /** Writes a member name given as its pre-encoded `"name":` bytes. */
    fun name(prefix: ByteArray) {
        separate()
        val out = reserve(prefix.size)
        System.arraycopy(prefix, 0, out, size, prefix.size)
        size += prefix.size
        comma = false
    }

    fun name(name: String) {
        separate()
        quoted(name)
        byte(':'.code)
        comma = false
    }

    fun string(s: String) {
        separate()
        quoted(s)
        comma = true
    }

    /** Writes already-encoded JSON text (a number literal or a compact JSON value). */
    fun raw(text: String) {
        separate()
        ascii(text)
        comma = true
    }

    fun nullValue() = raw("null")

    fun boolean(v: Boolean) = raw(if (v) "true" else "false")

    fun number(v: Long) {
        separate()
        if (v in 0..9) byte('0'.code + v.toInt()) else ascii(v.toString())
        comma = true
    }

    fun number(v: Double) = raw(GoFloat.format(v))

    private fun ascii(text: String) {
        val n = text.length
        val out = reserve(n * 3)
        var p = size
        for (i in 0 until n) {
            val c = text[i].code
            if (c < 0x80) {
                out[p++] = c.toByte()
            } else {
                size = p
                utf8(text.substring(i))
                return
            }
        }
        size = p
    }

    private fun utf8(text: String) {
        val encoded = text.toByteArray(UTF_8)
        val out = reserve(encoded.size)
        System.arraycopy(encoded, 0, out, size, encoded.size)
        size += encoded.size
    }

    private fun quoted(s: String) {
        val n = s.length
        val out = reserve(n + 2)
        var p = size
        out[p++] = '"'.code.toByte()
        var i = 0
        while (i < n) {
            val c = s[i].code
            if (c >= 0x80 || ESCAPE[c] != 0.toByte()) break
            out[p++] = c.toByte()
            i++
        }
        size = p
        if (i < n) quotedSlow(s, i)
        byte('"'.code)
    }

    private fun quotedSlow(s: String, from: Int) {
        var i = from
        val n = s.length
        while (i < n) {
            val c = s[i]
            val code = c.code
            when {
                code < 0x80 && ESCAPE[code] == 0.toByte() -> byte(code)
                code < 0x80 -> escape(code)
                code == 0x2028 || code == 0x2029 -> unicodeEscape(code)
                Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1]) -> {
                    utf8(s.substring(i, i + 2))
                    i++
                }
                Character.isSurrogate(c) -> unicodeEscape(0xFFFD)
                else -> utf8(c.toString())
            }
            i++
        }
    }

    private fun escape(code: Int) {
        when (code) {
            '"'.code, '\\'.code -> { byte('\\'.code); byte(code) }
            '\n'.code -> { byte('\\'.code); byte('n'.code) }
            '\r'.code -> { byte('\\'.code); byte('r'.code) }
            '\t'.code -> { byte('\\'.code); byte('t'.code) }
            0x08 -> { byte('\\'.code); byte('b'.code) }
            0x0C -> { byte('\\'.code); byte('f'.code) }
            else -> unicodeEscape(code)
        }
    }

    private fun unicodeEscape(code: Int) {
        byte('\\'.code)
        byte('u'.code)
        for (shift in intArrayOf(12, 8, 4, 0)) byte(HEX[(code shr shift) and 0xF].code)
    }

    fun toByteArray(): ByteArray = bytes.copyOf(size)

    fun toUtf8String(): String = String(bytes, 0, size, UTF_8)

    fun writeTo(out: OutputStream) = out.write(bytes, 0, size)

    private companion object {
        const val HEX = "0123456789abcdef"

        /** Non-zero for ASCII characters Go escapes: controls, `"`, `\`, `<`, `>`, `&`. */
        val ESCAPE = ByteArray(128).also { t ->
            for (c in 0 until 0x20) t[c] = 1
            for (c in "\"\\<>&") t[c.code] = 1
        }
    }
}
