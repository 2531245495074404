package io.kubekt.request

/**
 * Reads the label selector grammar of the API server (apimachinery `labels.Parse`):
 * requirements separated by `,`; each `key`, `!key`, `key=value` (or `==`), `key!=value`,
 * `key in (a,b)` or `key notin (a,b)`; whitespace between tokens is ignored; a missing value
 * after `=`/`!=` is the empty value; `in` and `notin` are keywords only where an operator goes.
 */
internal class LabelSelectorParser(private val text: String) {
    private var pos = 0

    fun parse(): List<LabelRequirement> {
        val requirements = mutableListOf<LabelRequirement>()
        skipSpace()
        if (pos == text.length) return requirements
        while (true) {
            requirements += requirement()
            skipSpace()
            if (pos == text.length) return requirements
            expect(",")
        }
    }

    private fun requirement(): LabelRequirement {
        skipSpace()
        if (peek("!") && !peek("!=")) {
            pos++
            skipSpace()
            return make(word("a label key after '!'"), LabelOperator.DOES_NOT_EXIST, emptyList())
        }
        val key = word("a label key")
        skipSpace()
        return when {
            pos == text.length || peek(",") -> make(key, LabelOperator.EXISTS, emptyList())
            take("!=") -> make(key, LabelOperator.NOT_EQUALS, listOf(value()))
            take("==") || take("=") -> make(key, LabelOperator.EQUALS, listOf(value()))
            peek(">") || peek("<") -> fail("operator '${text[pos]}' is not supported in label selectors")
            else -> when (val op = word("an operator (=, ==, !=, in, notin)")) {
                "in" -> make(key, LabelOperator.IN, set())
                "notin" -> make(key, LabelOperator.NOT_IN, set())
                else -> fail("expected an operator (=, ==, !=, in, notin)", pos - op.length, "\"$op\"")
            }
        }
    }

    private fun value(): String {
        skipSpace()
        return if (pos == text.length || peek(",")) "" else word("a label value")
    }

    private fun set(): List<String> {
        skipSpace()
        expect("(")
        skipSpace()
        if (take(")")) return emptyList()
        val values = mutableListOf<String>()
        while (true) {
            skipSpace()
            values += if (peek(",") || peek(")")) "" else word("a label value")
            skipSpace()
            if (take(")")) return values
            expect(",")
        }
    }

    private fun make(key: String, operator: LabelOperator, values: List<String>): LabelRequirement = try {
        LabelRequirement(key, operator, values)
    } catch (e: IllegalArgumentException) {
        throw IllegalArgumentException("invalid label selector \"$text\": ${e.message}")
    }

    private fun word(what: String): String {
        val start = pos
        while (pos < text.length && !text[pos].isWhitespace() && text[pos] !in SPECIAL) pos++
        if (pos == start) fail("expected $what", start)
        return text.substring(start, pos)
    }

    private fun expect(token: String) {
        if (!take(token)) fail("expected '$token'")
    }

    private fun take(token: String): Boolean = peek(token).also { if (it) pos += token.length }

    private fun peek(token: String): Boolean = text.startsWith(token, pos)

    private fun skipSpace() {
        while (pos < text.length && text[pos].isWhitespace()) pos++
    }

    private fun fail(message: String, at: Int = pos, found: String = describe(at)): Nothing {
        throw IllegalArgumentException("invalid label selector \"$text\": $message at position $at (found $found)")
    }

    private fun describe(at: Int): String = if (at >= text.length) "the end" else "'${text[at]}'"

    private companion object {
        const val SPECIAL = "!=(),<>"
    }
}
