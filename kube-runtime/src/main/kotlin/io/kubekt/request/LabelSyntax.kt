package io.kubekt.request

/**
 * The API server's rules for label keys and values (apimachinery `IsQualifiedName`,
 * `IsValidLabelValue`), checked on the client so a bad selector fails before any request.
 */
internal object LabelSyntax {
    private const val NAME_MAX = 63
    private const val PREFIX_MAX = 253
    private val NAME = Regex("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
    private val DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    private val DNS_SUBDOMAIN = Regex("$DNS_LABEL(\\.$DNS_LABEL)*")
    private const val NAME_CHARS =
        "must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric ([A-Za-z0-9])"

    /** @throws IllegalArgumentException naming the key and the rule it breaks. */
    fun checkKey(key: String) {
        val slash = key.indexOf('/')
        val prefix = if (slash >= 0) key.substring(0, slash) else null
        val name = if (slash >= 0) key.substring(slash + 1) else key
        require(key.isNotEmpty()) { "invalid label key \"\": a key must not be empty" }
        if (prefix != null) {
            require(prefix.isNotEmpty()) { "invalid label key \"$key\": the prefix before '/' must not be empty" }
            require(prefix.length <= PREFIX_MAX) {
                "invalid label key \"$key\": the prefix must be at most $PREFIX_MAX characters, was ${prefix.length}"
            }
            require(DNS_SUBDOMAIN.matches(prefix)) {
                "invalid label key \"$key\": the prefix \"$prefix\" must be a DNS subdomain " +
                    "(lowercase alphanumerics, '-' or '.', starting and ending with an alphanumeric)"
            }
        }
        val part = if (prefix != null) "the name part \"$name\"" else "the name"
        require(name.isNotEmpty()) { "invalid label key \"$key\": $part must not be empty" }
        require(name.length <= NAME_MAX) {
            "invalid label key \"$key\": $part must be at most $NAME_MAX characters, was ${name.length}"
        }
        require(NAME.matches(name)) { "invalid label key \"$key\": $part $NAME_CHARS" }
    }

    /** @throws IllegalArgumentException naming the value, its key and the rule it breaks. */
    fun checkValue(key: String, value: String) {
        require(value.length <= NAME_MAX) {
            "invalid label value \"$value\" for key \"$key\": a value must be at most $NAME_MAX characters, was ${value.length}"
        }
        require(value.isEmpty() || NAME.matches(value)) {
            "invalid label value \"$value\" for key \"$key\": a value must be empty or $NAME_CHARS"
        }
    }
}
