package io.kubekt.request

/** Reads the field selector grammar of the API server (apimachinery `fields.ParseSelector`). */
internal object FieldSelectorParser {
    fun parse(text: String): List<FieldRequirement> = splitTerms(text).filter { it.isNotEmpty() }.map { term ->
        val (field, operator, raw) = splitTerm(term)
            ?: throw IllegalArgumentException("invalid field selector \"$text\": the term \"$term\" has no operator (=, ==, !=)")
        try {
            FieldRequirement(field, operator, unescape(raw))
        } catch (e: IllegalArgumentException) {
            throw IllegalArgumentException("invalid field selector \"$text\": ${e.message}")
        }
    }

    private fun splitTerms(text: String): List<String> {
        val terms = mutableListOf<String>()
        var start = 0
        var i = 0
        while (i < text.length) {
            when (text[i]) {
                '\\' -> i++
                ',' -> { terms += text.substring(start, i); start = i + 1 }
            }
            i++
        }
        terms += text.substring(start)
        return terms
    }

    private fun splitTerm(term: String): Triple<String, FieldOperator, String>? {
        for (i in term.indices) {
            when {
                term.startsWith("!=", i) -> return Triple(term.substring(0, i), FieldOperator.NOT_EQUALS, term.substring(i + 2))
                term.startsWith("==", i) -> return Triple(term.substring(0, i), FieldOperator.EQUALS, term.substring(i + 2))
                term[i] == '=' -> return Triple(term.substring(0, i), FieldOperator.EQUALS, term.substring(i + 1))
            }
        }
        return null
    }

    private fun unescape(raw: String): String = buildString {
        var i = 0
        while (i < raw.length) {
            val c = raw[i]
            when {
                c == '\\' -> {
                    val next = raw.getOrNull(i + 1)
                    require(next == '\\' || next == ',' || next == '=') {
                        "invalid field selector value \"$raw\": '\\' must be followed by '\\', ',' or '=' (position $i)"
                    }
                    append(raw[i + 1])
                    i++
                }
                c == '=' || c == ',' -> throw IllegalArgumentException(
                    "invalid field selector value \"$raw\": '$c' must be escaped as '\\$c' (position $i)",
                )
                else -> append(c)
            }
            i++
        }
    }
}
