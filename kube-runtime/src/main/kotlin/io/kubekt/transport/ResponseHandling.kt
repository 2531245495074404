package io.kubekt.transport

import io.kubekt.config.ClientConfig
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import org.slf4j.LoggerFactory

/** What every response goes through: `Warning` headers to the handler, and non-2xx to an [ApiException]. */
internal class ResponseHandling(private val config: ClientConfig, private val warnings: WarningHandler) {

    /** Passes each 299 warning in [headers] (lower-cased names) to the handler. */
    fun deliverWarnings(headers: Map<String, List<String>>) {
        val values = headers["warning"] ?: return
        for (text in WarningHeaders.parse(values)) {
            try {
                warnings.onWarning(text)
            } catch (e: Exception) {
                logger.warn("The warning handler {} failed; the warning was: {}", warnings, text, e)
            }
        }
    }

    fun outcome(request: KubeRequest, raw: RawResponse, authorization: String?): AttemptOutcome {
        deliverWarnings(raw.headers)
        if (raw.code in 200..299) return AttemptOutcome.Success(KubeResponse(raw.code, raw.headers, raw.body))
        val retryAfter = RetryAfter.parse(raw.header("retry-after"), config.clock.currentTimeMillis())
        val exception = error(request, raw.code, raw.body, raw.header("retry-after"), authorization)
        val retryable = RetryPolicy.retriesStatus(request.verb, raw.code, retryAfter != null)
        return AttemptOutcome.Failure(exception, retryable, retryAfter, summary = "HTTP ${raw.code}")
    }

    fun error(request: KubeRequest, code: Int, body: ByteArray, retryAfterHeader: String?, authorization: String?): ApiException {
        val seconds = RetryAfter.parse(retryAfterHeader, config.clock.currentTimeMillis())?.inWholeSeconds?.toInt()
        return ApiErrors.exception(request, config.server, code, body, seconds, secretsOf(authorization))
    }

    fun isUnauthorized(outcome: AttemptOutcome): Boolean =
        outcome is AttemptOutcome.Failure && (outcome.exception as? ApiException)?.code == 401

    private fun secretsOf(authorization: String?): List<String> =
        listOfNotNull(authorization, authorization?.substringAfter(' ', ""))

    private companion object {
        val logger = LoggerFactory.getLogger(HttpTransport::class.java)
    }
}
