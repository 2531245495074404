package io.kubekt.request

/**
 * Checks and encodes URL path segments. The rule for names is client-go's
 * `IsValidPathSegmentName` plus "not empty": a segment must not be `.` or `..` and must not
 * contain `/` or `%`, so a name can never climb out of, or smuggle another segment into, its path.
 */
internal object PathSegments {
    /** Returns [value] if it is a valid segment, else throws [IllegalArgumentException] naming [what]. */
    fun requireValid(what: String, value: String): String {
        require(value.isNotEmpty()) { "$what must not be empty" }
        require(value != "." && value != "..") { "$what must not be \"$value\"" }
        require('/' !in value && '%' !in value) { "$what \"$value\" must not contain '/' or '%'" }
        return value
    }

    /**
     * Splits an absolute path given by the caller into segments: empty pieces (`//`, leading and
     * trailing `/`) are dropped; `.`, `..`, `?` and `#` are refused (a query goes in `param`).
     */
    fun split(path: String): List<String> {
        require('?' !in path && '#' !in path) {
            "absPath \"$path\" must not contain '?' or '#': set query parameters with param(name, value)"
        }
        val segments = path.split('/').filter { it.isNotEmpty() }
        segments.forEach { require(it != "." && it != "..") { "absPath \"$path\" must not contain a \"$it\" segment" } }
        return segments
    }

    /** Percent-encodes one segment (RFC 3986 `pchar`: unreserved, sub-delims, `:` and `@` stay). */
    fun encode(segment: String): String {
        if (segment.all { it.code < 128 && isPchar(it) }) return segment
        val out = StringBuilder(segment.length + 8)
        for (byte in segment.toByteArray(Charsets.UTF_8)) {
            val c = (byte.toInt() and 0xff)
            if (c < 128 && isPchar(c.toChar())) {
                out.append(c.toChar())
            } else {
                out.append('%').append(HEX[c shr 4]).append(HEX[c and 0xf])
            }
        }
        return out.toString()
    }

    private fun isPchar(c: Char): Boolean =
        c in 'a'..'z' || c in 'A'..'Z' || c in '0'..'9' || c in "-._~" || c in "!$&'()*+,;=" || c == ':' || c == '@'

    private const val HEX = "0123456789ABCDEF"
}
