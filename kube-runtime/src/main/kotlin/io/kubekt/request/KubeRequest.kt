package io.kubekt.request

import java.time.Duration

/**
 * One fully built HTTP request, before any I/O: what the transport sends. Built by
 * [RequestBuilder]; equal requests compare equal, so building is testable without a server.
 *
 * [path] is absolute and already percent-encoded per segment; [query] holds unencoded pairs in
 * order (a key may repeat).
 */
public class KubeRequest(
    public val verb: Verb,
    public val path: String,
    public val query: List<Pair<String, String>> = emptyList(),
    public val headers: Map<String, String> = emptyMap(),
    body: ByteArray? = null,
    public val contentType: String? = null,
    /** Per-request timeout; null means the client's request timeout (streams have none). */
    public val timeout: Duration? = null,
    /** A streamed response (watch, log follow): exempt from the request timeout. */
    public val streaming: Boolean = false,
    /** The HTTP method; defaults to the verb's. */
    public val method: String = verb.httpMethod,
) {
    private val bodyBytes: ByteArray? = body?.copyOf()

    /** A copy of the request body, or null. */
    public val body: ByteArray? get() = bodyBytes?.copyOf()

    /** The size of the body in bytes, without copying it. */
    public val bodySize: Int get() = bodyBytes?.size ?: 0

    internal fun bodyUnsafe(): ByteArray? = bodyBytes

    /** The path with the encoded query string, e.g. `/api/v1/namespaces/a/pods?limit=50`. */
    public fun pathAndQuery(): String = if (query.isEmpty()) path else path + "?" + encodeQuery(query)

    override fun equals(other: Any?): Boolean = other is KubeRequest && other.verb == verb && other.method == method &&
        other.path == path && other.query == query && other.headers == headers &&
        (other.bodyBytes?.contentEquals(bodyBytes) ?: (bodyBytes == null)) && other.contentType == contentType &&
        other.timeout == timeout && other.streaming == streaming

    override fun hashCode(): Int = listOf(verb, method, path, query, headers, contentType, timeout, streaming).hashCode()

    /** Method and path only: bodies and headers may hold secrets. */
    override fun toString(): String = "$method ${pathAndQuery()}"

    internal companion object {
        fun encodeQuery(query: List<Pair<String, String>>): String =
            query.joinToString("&") { (k, v) -> encodeComponent(k) + "=" + encodeComponent(v) }

        /** RFC 3986 percent-encoding of a query component (space as %20, not +). */
        fun encodeComponent(value: String): String =
            java.net.URLEncoder.encode(value, Charsets.UTF_8).replace("+", "%20").replace("%7E", "~")
    }
}
