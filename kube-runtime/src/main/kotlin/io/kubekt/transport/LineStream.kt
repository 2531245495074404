package io.kubekt.transport

import io.kubekt.auth.Authenticator
import io.kubekt.error.KubeException
import io.kubekt.request.KubeRequest
import io.ktor.client.statement.HttpResponse
import io.ktor.client.statement.bodyAsChannel
import io.ktor.utils.io.readLine
import io.ktor.utils.io.toByteArray
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.FlowCollector
import kotlinx.coroutines.flow.flow

/**
 * A streamed response as a cold [Flow] of lines: each collect sends the request (after a
 * rate-limit token; one re-send after a 401 the authenticator can fix), emits each line the moment
 * it is read, and ends the HTTP call when the body ends or the collector stops. No timeout, no
 * retries: watches are resumed by the layer above.
 */
internal class LineStream(
    private val sender: RequestSender,
    private val authenticator: Authenticator,
    private val limiter: TokenBucketRateLimiter?,
    private val responses: ResponseHandling,
    private val failures: TransportFailures,
) {
    fun lines(request: KubeRequest): Flow<String> = flow {
        var mayRetryAuth = true
        while (true) {
            limiter?.acquire()
            val authorization = authenticator.authorization()
            val downstream = DownstreamFailure()
            val again = try {
                sender.open(request, authorization) { response -> read(request, response, authorization, mayRetryAuth, downstream) }
            } catch (e: CancellationException) {
                throw e
            } catch (e: KubeException) {
                throw e
            } catch (e: Exception) {
                if (downstream.failed) throw e
                // The collector's coroutine was cancelled (e.g. an idle watch closed by its watchdog):
                // the engine reports that as a broken connection, but it is a cancellation.
                currentCoroutineContext().ensureActive()
                throw failures.classify(e, request).exception
            }
            if (!again) return@flow
            mayRetryAuth = false
        }
    }

    /** Reads the response; true means "401 and the authenticator asks for a second try". */
    private suspend fun FlowCollector<String>.read(
        request: KubeRequest,
        response: HttpResponse,
        authorization: String?,
        mayRetryAuth: Boolean,
        downstream: DownstreamFailure,
    ): Boolean {
        val headers = RequestSender.headersOf(response)
        responses.deliverWarnings(headers)
        val code = response.status.value
        if (code == 401 && mayRetryAuth && authenticator.onUnauthorized(authorization)) return true
        if (code !in 200..299) {
            throw responses.error(request, code, response.bodyAsChannel().toByteArray(), headers["retry-after"]?.firstOrNull(), authorization)
        }
        val body = response.bodyAsChannel()
        while (true) {
            val line = body.readLine() ?: return false
            if (line.isEmpty()) continue
            try {
                emit(line)
            } catch (e: Throwable) {
                downstream.failed = true
                throw e
            }
        }
    }

    /** Set when the collector threw, so its exception passes through untouched. */
    private class DownstreamFailure {
        var failed = false
    }
}
