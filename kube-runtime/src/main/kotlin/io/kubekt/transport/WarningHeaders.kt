package io.kubekt.transport

/**
 * Parses `Warning` header values in the RFC 7234 form the API server sends:
 * `299 - "text"` with optional date, several warnings separated by commas.
 * Only code 299 ("miscellaneous persistent warning", what Kubernetes uses) with non-empty text is
 * kept, as client-go does; malformed values are skipped.
 */
internal object WarningHeaders {
    fun parse(values: List<String>): List<String> = values.flatMap(::parseOne)

    private fun parseOne(value: String): List<String> {
        val texts = mutableListOf<String>()
        var i = 0
        while (i < value.length) {
            i = skip(value, i) { it == ' ' || it == ',' || it == '\t' }
            if (i >= value.length) break
            val code = value.substring(i, skip(value, i) { it.isDigit() }).also { i += it.length }
            if (code.length != 3 || i >= value.length || value[i] != ' ') return texts
            i = skip(value, skip(value, i) { it == ' ' }) { it != ' ' } // the agent
            i = skip(value, i) { it == ' ' }
            val (text, afterText) = quoted(value, i) ?: return texts
            i = skip(value, afterText) { it == ' ' }
            if (i < value.length && value[i] == '"') i = quoted(value, i)?.second ?: return texts // the date
            if (code == "299" && text.isNotBlank()) texts += text
        }
        return texts
    }

    /** The unescaped content of the quoted string starting at [start], and the index after it. */
    private fun quoted(s: String, start: Int): Pair<String, Int>? {
        if (start >= s.length || s[start] != '"') return null
        val out = StringBuilder()
        var i = start + 1
        while (i < s.length) {
            when (val c = s[i]) {
                '\\' -> { if (i + 1 < s.length) out.append(s[i + 1]); i += 2 }
                '"' -> return out.toString() to i + 1
                else -> { out.append(c); i++ }
            }
        }
        return null
    }

    private inline fun skip(s: String, from: Int, what: (Char) -> Boolean): Int {
        var i = from
        while (i < s.length && what(s[i])) i++
        return i
    }
}
