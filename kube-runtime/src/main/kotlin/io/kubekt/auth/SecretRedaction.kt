package io.kubekt.auth

/**
 * Makes text from outside (an exec plugin's stderr, an OAuth error description) fit for an error
 * message: anything that looks like a secret is replaced by `<redacted>`, control characters are
 * dropped and the result is cut to its last [MAX_LENGTH] characters (errors come last).
 *
 * Treated as secret: PEM blocks; runs of 20+ base64/hex/url-safe characters (dots included, so a
 * JWT is one run) that contain a digit, and any such run of 40+ characters; the value after
 * `token`, `secret`, `password`, `key` or `credential` followed by `=` or `:`. This over-redacts
 * some harmless text (a long versioned path) by design.
 */
internal object SecretRedaction {
    const val MAX_LENGTH: Int = 500
    private const val MARK = "<redacted>"

    private val pem = Regex("-----BEGIN [A-Z0-9 ]+-----[\\s\\S]*?(-----END [A-Z0-9 ]+-----|$)")
    private val named = Regex(
        "(?i)((?:token|secret|password|passwd|key|credential)s?[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;]+",
    )
    private val run = Regex("[A-Za-z0-9+/=_.~-]{20,}")
    private val control = Regex("[\\p{Cntrl}&&[^\\n\\t]]")

    /** [text] with secrets replaced, control characters removed, cut to [MAX_LENGTH]. */
    fun redact(text: String): String {
        var result = pem.replace(text, MARK)
        result = named.replace(result) { it.groupValues[1] + MARK }
        result = run.replace(result) { match ->
            val value = match.value
            if (value.length >= 40 || value.any(Char::isDigit)) MARK else value
        }
        result = control.replace(result, "").trim()
        return if (result.length <= MAX_LENGTH) result else "…" + result.takeLast(MAX_LENGTH)
    }
}
