package io.kubekt.transport

import io.kubekt.config.ClientConfig
import io.kubekt.request.KubeRequest
import io.ktor.client.HttpClient
import io.ktor.client.request.HttpRequestBuilder
import io.ktor.client.request.prepareRequest
import io.ktor.client.request.setBody
import io.ktor.client.request.url
import io.ktor.client.statement.HttpResponse
import io.ktor.client.statement.bodyAsChannel
import io.ktor.http.ContentType
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpMethod
import io.ktor.http.content.ByteArrayContent
import io.ktor.utils.io.toByteArray

/** A response read to the end; header names lower-cased. */
internal class RawResponse(val code: Int, val headers: Map<String, List<String>>, val body: ByteArray) {
    fun header(name: String): String? = headers[name.lowercase()]?.firstOrNull()
}

/**
 * Puts a [KubeRequest] on the wire through Ktor: URL, method, body and Content-Type, Accept
 * (`application/json` unless the request names one), User-Agent, impersonation headers and the
 * Authorization value it is given. No retries, limits or timeouts here.
 */
internal class RequestSender(private val client: HttpClient, private val config: ClientConfig) {
    private val impersonation = config.impersonation?.let {
        ImpersonationHeaders.requireSendable(it, config.source)
        ImpersonationHeaders.of(it)
    }.orEmpty()

    private val gate = ConnectionGate()

    /** Sends [request] and reads the whole response. */
    suspend fun exchange(request: KubeRequest, authorization: String?): RawResponse = gate.pass { onResponse ->
        client.prepareRequest { build(request, authorization) }.execute { response ->
            onResponse()
            RawResponse(response.status.value, headersOf(response), response.bodyAsChannel().toByteArray())
        }
    }

    /** Sends [request] and hands the unread response to [block]; the call ends when [block] returns. */
    suspend fun <T> open(request: KubeRequest, authorization: String?, block: suspend (HttpResponse) -> T): T = gate.pass { onResponse ->
        client.prepareRequest { build(request, authorization) }.execute {
            onResponse()
            block(it)
        }
    }

    private fun HttpRequestBuilder.build(request: KubeRequest, authorization: String?) {
        method = HttpMethod.parse(request.method)
        url(config.server + request.pathAndQuery())
        val given = request.headers.entries
        headers.append(HttpHeaders.Accept, given.firstOrNull { it.key.equals(HttpHeaders.Accept, true) }?.value ?: "application/json")
        given.filter { (name, _) -> RESERVED.none { it.equals(name, ignoreCase = true) } }.forEach { (k, v) -> headers.append(k, v) }
        headers.append(HttpHeaders.UserAgent, config.userAgent)
        impersonation.forEach { (k, v) -> headers.append(k, v) }
        authorization?.let { headers.append(HttpHeaders.Authorization, it) }
        request.bodyUnsafe()?.let { body ->
            val type = request.contentType ?: given.firstOrNull { it.key.equals(HttpHeaders.ContentType, true) }?.value
            setBody(ByteArrayContent(body, ContentType.parse(type ?: "application/json")))
        }
    }

    companion object {
        /** Headers the transport sets itself; a request cannot override them through [KubeRequest.headers]. */
        private val RESERVED = listOf(
            HttpHeaders.Accept, HttpHeaders.ContentType, HttpHeaders.ContentLength, HttpHeaders.UserAgent,
            HttpHeaders.Authorization, HttpHeaders.Host, HttpHeaders.TransferEncoding, HttpHeaders.Connection,
        )

        fun headersOf(response: HttpResponse): Map<String, List<String>> {
            val out = LinkedHashMap<String, MutableList<String>>()
            response.headers.forEach { name, values -> out.getOrPut(name.lowercase()) { mutableListOf() } += values }
            return out
        }
    }
}
