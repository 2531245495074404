package io.kubekt.transport

import io.kubekt.error.ConfigException
import java.io.IOException
import java.net.InetSocketAddress
import java.net.Proxy
import java.net.ProxySelector
import java.net.SocketAddress
import java.net.URI

/**
 * Chooses the proxy per URL: the kubeconfig's `proxy-url` for every request when set (as
 * client-go does), else `HTTPS_PROXY` for https and `HTTP_PROXY` for http URLs (upper case wins
 * over lower case) unless `NO_PROXY` says to go direct (see [ProxyRules]).
 *
 * `http://` proxies tunnel with CONNECT; `socks5://` proxies become SOCKS proxies (not every engine
 * speaks SOCKS, see `docs/decisions/http-engine.md`); TLS to the proxy (`https://`) is refused.
 */
internal class KubeProxySelector private constructor(
    private val explicit: Proxy?,
    private val https: Proxy?,
    private val http: Proxy?,
    private val rules: ProxyRules,
) : ProxySelector() {

    override fun select(uri: URI): List<Proxy> {
        explicit?.let { return listOf(it) }
        val proxy = (if (uri.scheme.equals("https", ignoreCase = true)) https else http) ?: return DIRECT
        return if (rules.bypasses(uri)) DIRECT else listOf(proxy)
    }

    override fun connectFailed(uri: URI?, sa: SocketAddress?, ioe: IOException?) {}

    override fun toString(): String = "KubeProxySelector(explicit=$explicit, https=$https, http=$http)"

    companion object {
        private val DIRECT = listOf(Proxy.NO_PROXY)

        /** A selector for [proxyUrl] (from [source]) or, when it is null, for [environment]. */
        fun create(proxyUrl: String?, environment: Map<String, String>, source: String): KubeProxySelector {
            fun env(name: String) = environment[name]?.takeIf { it.isNotBlank() } ?: environment[name.lowercase()]?.takeIf { it.isNotBlank() }
            if (proxyUrl != null) return KubeProxySelector(parse(proxyUrl, "proxy-url of $source"), null, null, ProxyRules(null))
            return KubeProxySelector(
                explicit = null,
                https = env("HTTPS_PROXY")?.let { parse(it, "HTTPS_PROXY") },
                http = env("HTTP_PROXY")?.let { parse(it, "HTTP_PROXY") },
                rules = ProxyRules(env("NO_PROXY")),
            )
        }

        /** A proxy URL; a bare `host:port` means http. Credentials in the URL are never echoed. */
        internal fun parse(value: String, where: String): Proxy {
            val text = if ("://" in value) value else "http://$value"
            val uri = runCatching { URI(text) }.getOrNull()
            val host = uri?.host
            if (uri == null || host == null) throw ConfigException("the proxy URL in $where is not a valid URL")
            val type = when (uri.scheme.lowercase()) {
                "http" -> Proxy.Type.HTTP
                "socks5", "socks5h" -> Proxy.Type.SOCKS
                "https" -> throw ConfigException(
                    "the proxy URL in $where uses https://: TLS to the proxy itself is not supported; " +
                        "use an http:// proxy (the connection to the API server through it is still TLS)",
                )
                else -> throw ConfigException("the proxy URL in $where has unsupported scheme \"${uri.scheme}\" (use http or socks5)")
            }
            val port = if (uri.port != -1) uri.port else if (type == Proxy.Type.SOCKS) 1080 else 80
            return Proxy(type, InetSocketAddress.createUnresolved(host, port))
        }
    }
}
