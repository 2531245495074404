package io.kubekt.transport

import io.kubekt.auth.Authenticator
import io.kubekt.config.ClientConfig
import io.kubekt.error.KubeException
import io.kubekt.error.TransportException
import io.kubekt.request.KubeRequest
import io.ktor.client.HttpClient
import io.ktor.client.engine.HttpClientEngine
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import org.slf4j.LoggerFactory
import kotlin.random.Random
import kotlin.time.Duration
import kotlin.time.toKotlinDuration

/**
 * The HTTP engine behind every client: TLS, authentication, impersonation, rate limiting,
 * retries, timeouts, warnings and the User-Agent, applied to [KubeRequest]s. See
 * [RequestExecutor] for the contract.
 *
 * One Ktor client (and so one connection pool) per transport. Each attempt runs under the request
 * timeout on [ClientConfig.clock] (waiting for a rate-limit token included), and on a 401 asks the
 * authenticator once whether fresh credentials are worth a second try. Failed attempts are
 * retried as `docs/decisions/retries.md` says; streams are never retried and have no timeout.
 */
internal class HttpTransport internal constructor(
    val config: ClientConfig,
    val authenticator: Authenticator,
    environment: Map<String, String>,
    random: Random,
) : RequestExecutor {
    constructor(config: ClientConfig, authenticator: Authenticator) : this(config, authenticator, System.getenv(), Random.Default)

    private val clock = config.clock
    private val engine: HttpClientEngine = run {
        val settings = EngineSettingsResolver.resolve(config, authenticator.keyManager, environment)
        // lets the authenticator drop cached TLS sessions when its client certificate rotates
        authenticator.bindTlsContext(settings.sslContext)
        (config.engine ?: HttpEngineFactory.defaultEngine()).create(settings)
    }
    private val client = HttpClient(engine) {
        expectSuccess = false
        followRedirects = false
    }
    private val sender = RequestSender(client, config)
    private val limiter = TokenBucketRateLimiter.orNull(config.qps, config.burst, clock)
    private val schedule = RetrySchedule(config.retry, random)
    private val failures = TransportFailures(config.server, EngineSettingsResolver.trustDescription(config))
    private val responses = ResponseHandling(config, config.warningHandler ?: LogOnceWarningHandler.SHARED)

    override suspend fun execute(request: KubeRequest): KubeResponse {
        var retry = 0
        while (true) {
            when (val outcome = attempt(request)) {
                is AttemptOutcome.Success -> return outcome.response
                is AttemptOutcome.Failure -> {
                    if (!outcome.retryable || retry >= schedule.maxRetries) throw outcome.exception
                    val wait = schedule.delayBefore(retry, outcome.retryAfter)
                    logger.debug(
                        "Retrying {} on {} after {} (retry {} of {}) in {}",
                        request, config.server, outcome.summary, retry + 1, schedule.maxRetries, wait,
                    )
                    clock.delay(wait)
                    retry++
                }
            }
        }
    }

    override fun streamLines(request: KubeRequest): Flow<String> =
        LineStream(sender, authenticator, limiter, responses, failures).lines(request)

    /** One attempt (plus one re-send after a 401 the authenticator can fix), under the request timeout. */
    private suspend fun attempt(request: KubeRequest): AttemptOutcome {
        val timeout = request.timeout ?: config.requestTimeout
        val limit = if (request.streaming || timeout.isZero || timeout.isNegative) Duration.INFINITE else timeout.toKotlinDuration()
        return try {
            withClockTimeout(clock, limit, { "$request on ${config.server} timed out after $limit (request timeout)" }) {
                var authorization = authorizeAndLimit()
                var outcome = exchangeOnce(request, authorization)
                if (responses.isUnauthorized(outcome) && authenticator.onUnauthorized(authorization)) {
                    logger.debug("{} on {} was refused with 401; sending it again with fresh credentials", request, config.server)
                    authorization = authorizeAndLimit()
                    outcome = exchangeOnce(request, authorization)
                }
                outcome
            }
        } catch (e: TransportException) {
            if (!e.isTimeout) throw e
            AttemptOutcome.Failure(e, retryable = false, summary = "request timeout")
        }
    }

    private suspend fun authorizeAndLimit(): String? {
        limiter?.acquire()
        return authenticator.authorization()
    }

    private suspend fun exchangeOnce(request: KubeRequest, authorization: String?): AttemptOutcome {
        val raw = try {
            sender.exchange(request, authorization)
        } catch (e: CancellationException) {
            throw e
        } catch (e: KubeException) {
            throw e
        } catch (e: Exception) {
            currentCoroutineContext().ensureActive() // cancelled while sending: a cancellation, not a failure
            val classified = failures.classify(e, request)
            val retryable = RetryPolicy.retriesFailure(request.verb, classified.failure)
            return AttemptOutcome.Failure(classified.exception, retryable, summary = classified.failure.name.lowercase())
        }
        return responses.outcome(request, raw, authorization)
    }

    override fun close() {
        try {
            client.close()
            engine.close()
        } finally {
            authenticator.close()
        }
    }

    override fun toString(): String = "HttpTransport(${config.server})"

    private companion object {
        val logger = LoggerFactory.getLogger(HttpTransport::class.java)
    }
}
