package io.kubekt.transport

import io.kubekt.config.Impersonation
import io.kubekt.error.ConfigException

/**
 * The `Impersonate-*` headers for an [Impersonation], as the Kubernetes impersonation docs define
 * them: `Impersonate-User`, `Impersonate-Uid`, one `Impersonate-Group` per group and one
 * `Impersonate-Extra-<key>` per extra value, the key percent-encoded.
 */
internal object ImpersonationHeaders {
    /**
     * Refuses what cannot be sent faithfully: Ktor's engines join repeated request headers into
     * one comma-separated line, and the API server reads `Impersonate-Group: a,b` as one group
     * named "a,b". Until the transport can send repeated header lines, more than one group (or
     * more than one value for an extra key) fails here instead of impersonating the wrong user.
     */
    fun requireSendable(impersonation: Impersonation, source: String) {
        val repeated = impersonation.groups.size > 1 || impersonation.extra.values.any { it.size > 1 }
        if (repeated) {
            throw ConfigException(
                "impersonation in $source names more than one group or more than one value for an extra key; " +
                    "kubekt cannot send repeated Impersonate-* header lines yet (the HTTP client would join them " +
                    "with commas, which the API server reads as a single value)",
            )
        }
    }

    fun of(impersonation: Impersonation): List<Pair<String, String>> = buildList {
        add("Impersonate-User" to impersonation.user)
        impersonation.uid?.let { add("Impersonate-Uid" to it) }
        impersonation.groups.forEach { add("Impersonate-Group" to it) }
        impersonation.extra.forEach { (key, values) ->
            values.forEach { add("Impersonate-Extra-" + encodeKey(key) to it) }
        }
    }

    /**
     * Encodes an extra key for a header name: bytes of its UTF-8 form that are not HTTP token
     * characters (RFC 7230), and `%` itself, become `%XX` (upper-case hex); the server decodes them.
     */
    fun encodeKey(key: String): String = buildString {
        for (byte in key.toByteArray(Charsets.UTF_8)) {
            val b = byte.toInt() and 0xff
            if (b < 0x80 && b.toChar().isTokenChar() && b != '%'.code) append(b.toChar()) else append("%%%02X".format(b))
        }
    }

    private fun Char.isTokenChar(): Boolean =
        this in 'a'..'z' || this in 'A'..'Z' || this in '0'..'9' || this in "!#$%&'*+-.^_`|~"
}
