package io.kubekt.test.store

import io.kubekt.test.NameRule
import io.kubekt.test.api.Cause

/** `metadata.name` validation with the API machinery's messages. */
internal object Names {
    private const val SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    private const val SUBDOMAIN_REGEX = "$SUBDOMAIN_FMT(\\.$SUBDOMAIN_FMT)*"
    private const val LABEL_REGEX = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    private const val DNS1035_REGEX = "[a-z]([-a-z0-9]*[a-z0-9])?"
    private val subdomain = Regex("^$SUBDOMAIN_REGEX$")
    private val label = Regex("^$LABEL_REGEX$")
    private val dns1035 = Regex("^$DNS1035_REGEX$")

    private const val SUBDOMAIN_MSG = "a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', " +
        "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '$SUBDOMAIN_REGEX')"
    private const val LABEL_MSG = "a DNS-1123 label must consist of lower case alphanumeric characters or '-', and must start " +
        "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '$LABEL_REGEX')"
    private const val DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an " +
        "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '$DNS1035_REGEX')"

    /** Problems with [name] under [rule], as field errors on [field]; empty when valid. */
    fun validate(name: String, rule: NameRule, field: String = "metadata.name"): List<Cause> {
        val problems = when (rule) {
            NameRule.DNS1123_SUBDOMAIN -> listOfNotNull(
                if (name.length > 253) "must be no more than 253 characters" else null,
                if (!subdomain.matches(name)) SUBDOMAIN_MSG else null,
            )
            NameRule.DNS1123_LABEL -> listOfNotNull(
                if (name.length > 63) "must be no more than 63 characters" else null,
                if (!label.matches(name)) LABEL_MSG else null,
            )
            NameRule.DNS1035_LABEL -> listOfNotNull(
                if (name.length > 63) "must be no more than 63 characters" else null,
                if (!dns1035.matches(name)) DNS1035_MSG else null,
            )
            NameRule.PATH_SEGMENT -> pathSegmentProblems(name)
        }
        return problems.map { Cause("FieldValueInvalid", "Invalid value: ${quote(name)}: $it", field) }
    }

    fun isLabel(value: String) = value.length <= 63 && label.matches(value)

    private fun pathSegmentProblems(name: String): List<String> = when {
        name == "." || name == ".." -> listOf("may not be '$name'")
        name.contains('/') -> listOf("may not contain '/'")
        name.contains('%') -> listOf("may not contain '%'")
        else -> emptyList()
    }

    /** Go's `%q`: a double-quoted string with backslash escapes. */
    fun quote(value: String): String = buildString {
        append('"')
        value.forEach { c ->
            when (c) {
                '"' -> append("\\\"")
                '\\' -> append("\\\\")
                '\n' -> append("\\n")
                '\t' -> append("\\t")
                else -> if (c < ' ') append("\\x%02x".format(c.code)) else append(c)
            }
        }
        append('"')
    }

    private const val NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789"

    /** generateName's suffix: five characters from the alphabet the API server uses. */
    fun randomSuffix(random: java.util.Random = java.util.concurrent.ThreadLocalRandom.current()): String =
        (1..5).map { NAME_CHARS[random.nextInt(NAME_CHARS.length)] }.joinToString("")
}
