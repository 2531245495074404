package io.kubekt.transport

import java.security.cert.CertificateParsingException
import java.security.cert.X509Certificate

/**
 * Checks a certificate's subject alternative names against a host name or IP address, with the
 * RFC 6125 rules browsers and Go use: DNS names compare case-insensitively, a wildcard is only a
 * whole left-most label (`*.example.com` matches `a.example.com`, not `example.com` or
 * `a.b.example.com`), IP addresses match only IP entries, and the subject CN is ignored.
 */
internal object HostnameMatcher {
    private const val DNS_NAME = 2
    private const val IP_ADDRESS = 7

    fun matches(name: String, certificate: X509Certificate): Boolean {
        val sans = try {
            certificate.subjectAlternativeNames.orEmpty()
        } catch (_: CertificateParsingException) {
            return false
        }
        val ip = ProxyRules.literalAddress(name)
        return sans.any { entry ->
            val type = entry[0] as Int
            val value = entry[1] as? String ?: return@any false
            when {
                ip != null && type == IP_ADDRESS -> ProxyRules.literalAddress(value) == ip
                ip == null && type == DNS_NAME -> dnsMatches(name.lowercase().trimEnd('.'), value.lowercase().trimEnd('.'))
                else -> false
            }
        }
    }

    private fun dnsMatches(host: String, pattern: String): Boolean {
        if (host.isEmpty() || pattern.isEmpty()) return false
        if (!pattern.startsWith("*.")) return host == pattern
        val suffix = pattern.substring(1) // ".example.com"
        if ('*' in suffix || suffix.count { it == '.' } < 2) return false
        val label = host.removeSuffix(suffix)
        return host.endsWith(suffix) && label.isNotEmpty() && '.' !in label
    }
}
