package io.kubekt.client

import io.kubekt.request.KubeRequest
import io.kubekt.transport.KubeResponse
import io.kubekt.transport.RequestExecutor
import org.slf4j.LoggerFactory

/**
 * Debug logging of requests: method and path only. Headers, bodies and query strings are never
 * logged (headers carry credentials, bodies Secret data).
 */
internal object RequestLog {
    private val log = LoggerFactory.getLogger("io.kubekt.client.RestClient")

    /** What a log line says about [request]. */
    fun describe(request: KubeRequest): String = "${request.method} ${request.path}"

    /** Sends [request] through [executor], logging its outcome and duration at debug. */
    suspend fun send(executor: RequestExecutor, request: KubeRequest): KubeResponse {
        if (!log.isDebugEnabled) return executor.execute(request)
        val start = System.nanoTime()
        try {
            val response = executor.execute(request)
            log.debug("{} -> {} in {} ms", describe(request), response.code, millisSince(start))
            return response
        } catch (e: Throwable) {
            log.debug("{} failed after {} ms: {}", describe(request), millisSince(start), e.javaClass.simpleName)
            throw e
        }
    }

    /** Logs the opening of a stream. */
    fun streaming(request: KubeRequest) {
        log.debug("{} (stream)", describe(request))
    }

    private fun millisSince(start: Long): Long = (System.nanoTime() - start) / 1_000_000
}
