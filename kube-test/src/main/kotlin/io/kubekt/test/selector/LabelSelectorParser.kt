package io.kubekt.test.selector

/** A small recursive-descent parser for the label selector grammar. */
internal class LabelSelectorParser(private val text: String) {
    private var pos = 0
    private val keyRegex = Regex("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")
    private val valueRegex = Regex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")

    fun parse(): List<Requirement> {
        val out = mutableListOf<Requirement>()
        while (true) {
            skipSpace()
            out += requirement()
            skipSpace()
            if (pos >= text.length) return out
            expect(',')
        }
    }

    private fun requirement(): Requirement {
        if (peek() == '!') {
            pos++
            skipSpace()
            return Requirement.DoesNotExist(key())
        }
        val key = key()
        skipSpace()
        if (pos >= text.length || peek() == ',') return Requirement.Exists(key)
        return when {
            text.startsWith("==", pos) -> { pos += 2; Requirement.Equals(key, value()) }
            text.startsWith("!=", pos) -> { pos += 2; Requirement.NotEquals(key, value()) }
            peek() == '=' -> { pos++; Requirement.Equals(key, value()) }
            peek() == '>' || peek() == '<' -> {
                val greater = text[pos++] == '>'
                val v = value()
                Requirement.Compare(key, greater, v.toLongOrNull() ?: fail("for 'Gt', 'Lt' operators, the value must be an integer"))
            }
            word("notin") -> Requirement.NotIn(key, set())
            word("in") -> Requirement.In(key, set())
            else -> fail("found '${token()}', expected: in, notin, =, ==, !=, gt, lt")
        }
    }

    private fun set(): Set<String> {
        skipSpace()
        expect('(')
        val values = mutableSetOf<String>()
        while (true) {
            skipSpace()
            if (peek() == ')') { pos++; return values }
            values += value(inSet = true)
            skipSpace()
            when (peek()) {
                ',' -> pos++
                ')' -> { pos++; return values }
                else -> fail("found '${token()}', expected: ',' or ')'")
            }
        }
    }

    private fun key(): String {
        val k = identifier()
        if (k.isEmpty()) fail("found '${token()}', expected: identifier")
        if (k.length > 316 || !keyRegex.matches(k)) fail("invalid label key \"$k\"")
        return k
    }

    private fun value(inSet: Boolean = false): String {
        skipSpace()
        val v = identifier()
        if (v.length > 63 || !valueRegex.matches(v)) fail("invalid label value: \"$v\"")
        if (!inSet) skipSpace()
        return v
    }

    private fun identifier(): String {
        val start = pos
        while (pos < text.length && text[pos] !in " \t,()=!<>") pos++
        return text.substring(start, pos)
    }

    private fun word(w: String): Boolean {
        if (!text.startsWith(w, pos)) return false
        val end = pos + w.length
        if (end < text.length && text[end] !in " \t(") return false
        pos = end
        return true
    }

    private fun token(): String = if (pos >= text.length) "" else text.substring(pos).takeWhile { it != ' ' && it != ',' }.ifEmpty { text[pos].toString() }
    private fun peek(): Char? = text.getOrNull(pos)
    private fun skipSpace() { while (pos < text.length && text[pos].isWhitespace()) pos++ }
    private fun expect(c: Char) { if (peek() != c) fail("found '${token()}', expected: '$c'"); pos++ }
    private fun fail(message: String): Nothing = throw IllegalArgumentException(message)
}
