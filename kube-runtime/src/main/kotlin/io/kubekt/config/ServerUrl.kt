package io.kubekt.config

import io.kubekt.error.ConfigException
import java.net.URI
import java.net.URISyntaxException

/**
 * Checks and normalizes API server and proxy URLs from a kubeconfig.
 *
 * A server written without a scheme (`10.0.0.1:6443`) gets `https://`. client-go picks `http://`
 * instead when the cluster has no CA or client certificate; kubekt never downgrades to plain text
 * silently — write `http://` to mean it. See `docs/decisions/config-resolution.md`.
 */
internal object ServerUrl {
    private val scheme = Regex("^[A-Za-z][A-Za-z0-9+.-]*://")

    /** The server URL to use, or a [ConfigException] that says what is wrong and [where] the URL came from. */
    fun normalize(raw: String, where: String): String {
        val text = raw.trim()
        if (text.isEmpty()) throw ConfigException("the server URL of $where is empty")
        val withScheme = if (scheme.containsMatchIn(text)) text else "https://$text"
        val uri = parse(withScheme, where, "server URL")
        val s = uri.scheme.lowercase()
        if (s != "https" && s != "http") {
            throw ConfigException("the server URL of $where must start with https:// or http://, not $s://")
        }
        val authority = uri.rawAuthority
        if (authority != null && '@' in authority) {
            throw ConfigException("the server URL of $where contains credentials; put them in a user entry instead")
        }
        if (authority.isNullOrEmpty()) throw ConfigException("the server URL of $where has no host")
        if (uri.rawQuery != null || uri.rawFragment != null) {
            throw ConfigException("the server URL of $where must not have a query or fragment")
        }
        return s + withScheme.substring(s.length)
    }

    /** Checks a `proxy-url`: http, https or socks5 with a host. The URL is not echoed: it may hold a password. */
    fun checkProxy(raw: String, where: String): String {
        val uri = parse(raw.trim(), where, "proxy-url")
        val s = uri.scheme?.lowercase()
        if (s !in setOf("http", "https", "socks5") || uri.rawAuthority.isNullOrEmpty()) {
            throw ConfigException("the proxy-url of $where must be an http://, https:// or socks5:// URL with a host")
        }
        return raw.trim()
    }

    /** [url] with any user-info, query and fragment replaced, safe for messages, logs and toString. */
    fun redact(url: String): String = url
        .replace(Regex("(://)[^/?#]*@"), "$1<redacted>@")
        .replace(Regex("[?#].*$"), "?<redacted>")

    private fun parse(text: String, where: String, what: String): URI = try {
        URI(text)
    } catch (_: URISyntaxException) {
        throw ConfigException("the $what of $where is not a valid URL")
    }
}
