package io.kubekt.api.json

import java.nio.charset.StandardCharsets.ISO_8859_1
import java.nio.charset.StandardCharsets.UTF_8
import java.time.Instant

private const val QUOTE = '"'.code.toByte()
private const val BACKSLASH = '\\'.code.toByte()

/**
 * A pull reader over UTF-8 JSON bytes held in memory.
 *
 * Keys are matched against a [KeyTable] without creating strings; short ASCII values go through
 * [StringTable]; numbers and times are parsed in place. Errors carry the byte offset; the model
 * reader adds the field path.
 */
internal class JsonReader(private val b: ByteArray, start: Int, private val end: Int) {
    var pos: Int = start

    /** When set, [ModelCodec] skips every `metadata.managedFields` instead of decoding it. */
    var dropManagedFields: Boolean = false
    private var keyStart = 0
    private var keyEnd = 0
    private var keyText: String? = null
    private var depth = 0

    /** Reusable element buffers for lists and maps, one per nesting level in use. */
    private var buffers = arrayOfNulls<Array<Any?>>(8)
    private var buffersInUse = 0

    fun error(message: String, at: Int = pos): JsonDecodeError = JsonDecodeError(message, at)

    private fun describe(at: Int): String =
        if (at >= end) "end of input" else when (val c = b[at].toInt() and 0xFF) {
            in 0x21..0x7E -> "'${c.toChar()}'"
            else -> "byte 0x" + Integer.toHexString(c)
        }

    /** Skips whitespace and returns the next byte without consuming it, or -1 at the end. */
    fun peek(): Int {
        var p = pos
        while (p < end) {
            val c = b[p].toInt()
            if (c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09) break
            p++
        }
        pos = p
        return if (p < end) b[p].toInt() and 0xFF else -1
    }

    private fun expect(c: Char) {
        if (peek() != c.code) throw error("expected '$c' but found ${describe(pos)}")
        pos++
    }

    fun expectEnd() {
        if (peek() != -1) throw error("unexpected ${describe(pos)} after the JSON value")
    }

    fun enter() {
        if (++depth > MAX_DEPTH) throw error("JSON nested deeper than $MAX_DEPTH levels")
    }

    fun leave() {
        depth--
    }

    /** Consumes `{`; returns false (having consumed `}`) for an empty object. */
    fun beginObject(): Boolean {
        if (peek() != '{'.code) throw error("expected an object but found ${describe(pos)}")
        pos++
        if (peek() == '}'.code) {
            pos++
            return false
        }
        return true
    }

    /** After a member value: consumes `,` and returns true, or consumes `}` and returns false. */
    fun nextMember(): Boolean = when (peek()) {
        ','.code -> { pos++; true }
        '}'.code -> { pos++; false }
        else -> throw error("expected ',' or '}' but found ${describe(pos)}")
    }

    /** Consumes `[`; returns false (having consumed `]`) for an empty array. */
    fun beginArray(): Boolean {
        if (peek() != '['.code) throw error("expected an array but found ${describe(pos)}")
        pos++
        if (peek() == ']'.code) {
            pos++
            return false
        }
        return true
    }

    fun nextElement(): Boolean = when (peek()) {
        ','.code -> { pos++; true }
        ']'.code -> { pos++; false }
        else -> throw error("expected ',' or ']' but found ${describe(pos)}")
    }

    /** Consumes a `null` literal if one comes next. */
    fun consumeNull(): Boolean {
        if (peek() != 'n'.code) return false
        literal("null")
        return true
    }

    private fun literal(word: String) {
        val p = pos
        if (p + word.length > end) throw error("expected '$word'")
        for (i in word.indices) if (b[p + i].toInt() != word[i].code) throw error("expected '$word'", p)
        pos = p + word.length
    }

    /** Reads a member name and its colon; returns the field index in [table] or -1 when unknown. */
    fun readKey(table: KeyTable): Int {
        if (peek() != '"'.code) throw error("expected a field name but found ${describe(pos)}")
        val p0 = pos + 1
        var p = Words.skipPlain(b, p0, end)
        while (true) {
            if (p >= end) throw error("unterminated field name", p0 - 1)
            val c = b[p]
            if (c == QUOTE) break
            if (c == BACKSLASH) return readEscapedKey(table, p0)
            p++
        }
        keyStart = p0
        keyEnd = p
        keyText = null
        pos = p + 1
        expect(':')
        return table.find(b, p0, p - p0)
    }

    private fun readEscapedKey(table: KeyTable, p0: Int): Int {
        pos = p0 - 1
        val key = readString()
        keyText = key
        expect(':')
        return table.find(key)
    }

    /** Reads a member name of a map or free-form object, and its colon. */
    fun readName(): String {
        val name = readString()
        expect(':')
        return name
    }

    /** The name last read by [readKey], as a string (for unknown fields). */
    fun lastKey(): String = keyText ?: StringTable.get(b, keyStart, keyEnd - keyStart, ascii = false)

    fun readString(): String {
        if (peek() != '"'.code) throw error("expected a string but found ${describe(pos)}")
        val p0 = pos + 1
        var p = Words.skipPlain(b, p0, end)
        var ascii = true
        while (true) {
            if (p >= end) throw error("unterminated string", p0 - 1)
            val c = b[p]
            if (c == QUOTE) break
            if (c == BACKSLASH) return readEscapedString(p0)
            if (c < 0) ascii = false
            p++
        }
        pos = p + 1
        return StringTable.get(b, p0, p - p0, ascii)
    }

    private fun readEscapedString(p0: Int): String {
        val sb = StringBuilder()
        var p = p0
        var runStart = p0
        while (true) {
            if (p >= end) throw error("unterminated string", p0 - 1)
            val c = b[p]
            if (c == QUOTE) break
            if (c != BACKSLASH) {
                p++
                continue
            }
            if (p > runStart) sb.append(String(b, runStart, p - runStart, UTF_8))
            if (p + 1 >= end) throw error("unterminated escape", p)
            when (val e = b[p + 1].toInt().toChar()) {
                '"', '\\', '/' -> sb.append(e)
                'b' -> sb.append('\b')
                'f' -> sb.append('\u000C')
                'n' -> sb.append('\n')
                'r' -> sb.append('\r')
                't' -> sb.append('\t')
                'u' -> {
                    if (p + 6 > end) throw error("truncated \\u escape", p)
                    sb.append(hex4(p + 2).toChar())
                    p += 4
                }
                else -> throw error("invalid escape '\\$e'", p)
            }
            p += 2
            runStart = p
        }
        if (p > runStart) sb.append(String(b, runStart, p - runStart, UTF_8))
        pos = p + 1
        return sb.toString()
    }

    private fun hex4(p: Int): Int {
        var v = 0
        for (i in p until p + 4) {
            val d = Character.digit(b[i].toInt(), 16)
            if (d < 0) throw error("invalid hex digit in \\u escape", i)
            v = v * 16 + d
        }
        return v
    }

    fun readBoolean(): Boolean = when (peek()) {
        't'.code -> { literal("true"); true }
        'f'.code -> { literal("false"); false }
        else -> throw error("expected true or false but found ${describe(pos)}")
    }

    fun readLong(): Long {
        peek()
        val p0 = pos
        var p = p0
        val negative = p < end && b[p] == '-'.code.toByte()
        if (negative) p++
        var v = 0L
        val digits = p
        while (p < end) {
            val d = b[p] - '0'.code.toByte()
            if (d < 0 || d > 9) break
            if (v < (Long.MIN_VALUE + d) / 10) throw error("integer out of range", p0)
            v = v * 10 - d
            p++
        }
        if (p == digits) throw error("expected a number but found ${describe(p0)}", p0)
        if (p < end && (b[p] == '.'.code.toByte() || b[p] == 'e'.code.toByte() || b[p] == 'E'.code.toByte())) {
            throw error("expected an integer but found a fractional number", p0)
        }
        pos = p
        if (!negative) {
            if (v == Long.MIN_VALUE) throw error("integer out of range", p0)
            v = -v
        }
        return v
    }

    fun readInt(): Int {
        val at = peek().let { pos }
        val v = readLong()
        if (v < Int.MIN_VALUE || v > Int.MAX_VALUE) throw error("integer out of 32-bit range", at)
        return v.toInt()
    }

    /** Reads a JSON number and returns its literal text. */
    fun readNumberText(): String {
        peek()
        val p0 = pos
        var p = p0
        while (p < end) {
            val c = b[p].toInt().toChar()
            if (c in '0'..'9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') p++ else break
        }
        if (p == p0) throw error("expected a number but found ${describe(p0)}")
        pos = p
        return String(b, p0, p - p0, ISO_8859_1)
    }

    fun readDouble(): Double {
        val at = peek().let { pos }
        val text = readNumberText()
        return text.toDoubleOrNull() ?: throw error("invalid number", at)
    }

    /** Reads a quoted RFC 3339 date-time into an [Instant] without an intermediate string. */
    fun readInstant(): Instant {
        if (peek() != '"'.code) throw error("expected a date-time string but found ${describe(pos)}")
        val p0 = pos + 1
        var p = p0
        while (p < end && b[p] != QUOTE) {
            if (b[p] == BACKSLASH) return parseInstant(readString(), p0 - 1)
            p++
        }
        if (p >= end) throw error("unterminated string", p0 - 1)
        pos = p + 1
        return TimeFormat.parse(b, p0, p - p0) ?: parseInstant(String(b, p0, p - p0, UTF_8), p0 - 1)
    }

    private fun parseInstant(text: String, at: Int): Instant =
        TimeFormat.parse(text) ?: throw error("expected an RFC 3339 date-time", at)

    /** Checks out a scratch buffer for collecting list or map elements. */
    fun takeBuffer(): Array<Any?> {
        val i = buffersInUse++
        if (i == buffers.size) buffers = buffers.copyOf(i * 2)
        return buffers[i] ?: arrayOfNulls<Any?>(16).also { buffers[i] = it }
    }

    /** Returns the buffer taken last, keeping a grown replacement for reuse. */
    fun giveBuffer(buffer: Array<Any?>, used: Int) {
        java.util.Arrays.fill(buffer, 0, used, null)
        buffers[--buffersInUse] = buffer
    }

    /**
     * Returns the next value as compact JSON text, copying the bytes when the input is already
     * compact (the common case for server output) and removing insignificant whitespace otherwise.
     */
    fun readRawCompact(): String {
        val first = peek()
        val p0 = pos
        val p = valueEnd(first, p0)
        pos = p
        if (first != '{'.code && first != '['.code && first != '"'.code) return String(b, p0, p - p0, UTF_8)
        if (!scannedSpace) return String(b, p0, p - p0, if (scannedAscii) ISO_8859_1 else UTF_8)
        val r = JsonReader(b, p0, p)
        val w = JsonWriter(p - p0)
        JsonTree.write(w, r.readElement())
        return w.toUtf8String()
    }

    /** Passes over any JSON value without decoding it (e.g. `metadata.managedFields` with [dropManagedFields]). */
    fun skipValue() {
        val first = peek()
        pos = valueEnd(first, pos)
    }

    /** Set by the last [valueEnd] of an object, array or string: whether it held only ASCII, and any whitespace. */
    private var scannedAscii = true
    private var scannedSpace = false

    /** Where the value starting at [p0] (its first byte [first]) ends; strings, objects and arrays are scanned, not decoded. */
    private fun valueEnd(first: Int, p0: Int): Int {
        if (first != '{'.code && first != '['.code && first != '"'.code) {
            if (first == -1) throw error("expected a value but found end of input")
            var q = p0
            while (q < end && b[q].toInt().toChar() !in ",:}] \n\r\t") q++
            return q
        }
        var p = p0
        var level = 0
        var ascii = true
        var spaced = false
        do {
            if (p >= end) throw error("unterminated value", p0)
            when (b[p].toInt()) {
                '"'.code -> {
                    p++
                    while (true) {
                        p = Words.skipPlain(b, p, end)
                        if (p >= end) throw error("unterminated string", p0)
                        val c = b[p]
                        if (c == QUOTE) break
                        if (c == BACKSLASH) p++ else if (c < 0) ascii = false
                        p++
                    }
                }
                '{'.code, '['.code -> level++
                '}'.code, ']'.code -> level--
                0x20, 0x0A, 0x0D, 0x09 -> spaced = true
            }
            p++
        } while (level > 0)
        scannedAscii = ascii
        scannedSpace = spaced
        return p
    }

    /** Reads any JSON value as a kotlinx [kotlinx.serialization.json.JsonElement]. */
    fun readElement(): kotlinx.serialization.json.JsonElement = JsonTree.read(this)

    companion object {
        const val MAX_DEPTH: Int = 512
    }
}
