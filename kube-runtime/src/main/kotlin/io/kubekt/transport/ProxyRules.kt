package io.kubekt.transport

import java.net.InetAddress
import java.net.URI

/**
 * `NO_PROXY` matching with Go's rules (golang.org/x/net/http/httpproxy, what kubectl uses):
 * comma-separated entries; `*` alone matches everything; an IP address or a CIDR range matches
 * addresses in it; a host name matches itself and its subdomains; a leading `.` (or `*.`) matches
 * subdomains only; an entry with `:port` matches that port only. `localhost` and loopback addresses
 * are never proxied.
 */
internal class ProxyRules(noProxy: String?) {
    private val matchAll: Boolean
    private val hosts = mutableListOf<HostRule>()
    private val cidrs = mutableListOf<Cidr>()

    init {
        val entries = noProxy.orEmpty().split(',').map { it.trim().lowercase() }.filter { it.isNotEmpty() }
        matchAll = "*" in entries
        for (entry in entries.filter { it != "*" }) {
            Cidr.parse(entry)?.let { cidrs += it; continue }
            val (host, port) = splitHostPort(entry)
            val ip = literalAddress(host)
            when {
                ip != null -> cidrs += Cidr(ip, ip.address.size * 8, port)
                host.startsWith("*.") -> hosts += HostRule(host.substring(1), subdomainsOnly = true, port)
                host.startsWith(".") -> hosts += HostRule(host, subdomainsOnly = true, port)
                else -> hosts += HostRule(host, subdomainsOnly = false, port)
            }
        }
    }

    /** True when a request to [uri] must go direct. */
    fun bypasses(uri: URI): Boolean {
        val host = uri.host?.lowercase()?.removePrefix("[")?.removeSuffix("]") ?: return true
        val port = if (uri.port != -1) uri.port else if (uri.scheme == "https") 443 else 80
        if (host == "localhost") return true
        val ip = literalAddress(host)
        if (ip != null && ip.isLoopbackAddress) return true
        if (matchAll) return true
        if (ip != null) return cidrs.any { it.contains(ip, port) }
        return hosts.any { it.matches(host, port) }
    }

    private class HostRule(val name: String, val subdomainsOnly: Boolean, val port: Int?) {
        fun matches(host: String, hostPort: Int): Boolean {
            if (port != null && port != hostPort) return false
            return if (subdomainsOnly) host.endsWith(name) else host == name || host.endsWith(".$name")
        }
    }

    private class Cidr(val network: InetAddress, val prefix: Int, val port: Int?) {
        fun contains(ip: InetAddress, hostPort: Int): Boolean {
            if (port != null && port != hostPort) return false
            val a = network.address
            val b = ip.address
            if (a.size != b.size) return false
            for (bit in 0 until prefix) {
                val mask = 0x80 ushr (bit % 8)
                if ((a[bit / 8].toInt() and mask) != (b[bit / 8].toInt() and mask)) return false
            }
            return true
        }

        companion object {
            fun parse(entry: String): Cidr? {
                val slash = entry.indexOf('/')
                if (slash < 0) return null
                val ip = literalAddress(entry.substring(0, slash)) ?: return null
                val prefix = entry.substring(slash + 1).toIntOrNull()?.takeIf { it in 0..ip.address.size * 8 } ?: return null
                return Cidr(ip, prefix, null)
            }
        }
    }

    companion object {
        private fun splitHostPort(entry: String): Pair<String, Int?> {
            if (entry.startsWith("[")) {
                val end = entry.indexOf(']')
                if (end > 0) return entry.substring(1, end) to entry.substring(end + 1).removePrefix(":").toIntOrNull()
            }
            val colon = entry.lastIndexOf(':')
            if (colon > 0 && entry.indexOf(':') == colon) {
                entry.substring(colon + 1).toIntOrNull()?.let { return entry.substring(0, colon) to it }
            }
            return entry to null
        }

        /** The address for an IP literal; null for a host name (never resolves names). */
        fun literalAddress(host: String): InetAddress? {
            val h = host.removePrefix("[").removeSuffix("]")
            val looksLikeIp = h.contains(':') || (h.isNotEmpty() && h.all { it.isDigit() || it == '.' } && h.count { it == '.' } == 3)
            return if (looksLikeIp) runCatching { InetAddress.getByName(h) }.getOrNull() else null
        }
    }
}
