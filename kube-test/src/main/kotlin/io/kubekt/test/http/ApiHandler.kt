package io.kubekt.test.http

import io.kubekt.test.RequestCounters
import io.kubekt.test.api.ApiError
import io.kubekt.test.api.Statuses
import io.kubekt.test.core.Cluster
import io.kubekt.test.discovery.AggregatedDiscovery
import io.kubekt.test.discovery.Discovery
import io.ktor.http.ContentType
import io.kubekt.test.watch.FaultState
import io.ktor.server.application.ApplicationCall
import io.ktor.server.netty.NettyApplicationCall
import io.ktor.server.request.header
import io.ktor.server.request.httpMethod
import io.ktor.server.request.path
import io.netty.handler.ssl.SslHandler
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.delay
import org.slf4j.LoggerFactory
import java.security.cert.X509Certificate
import javax.net.ssl.SSLPeerUnverifiedException

/** Entry point of every request: counting, authentication, injected faults, authorization, then discovery or resource endpoints. */
internal class ApiHandler(
    private val cluster: Cluster,
    private val authentication: Authentication,
    private val authorization: Authorization,
    private val faults: FaultState,
    private val counters: RequestCounters,
    private val discovery: Discovery,
    private val endpoints: ResourceEndpoints,
) {
    private val log = LoggerFactory.getLogger(ApiHandler::class.java)
    private val aggregated = AggregatedDiscovery(cluster.registry)

    suspend fun handle(call: ApplicationCall) {
        val path = call.request.path()
        val method = call.request.httpMethod.value
        val query = call.request.queryParameters.entries().associate { it.key to (it.value.firstOrNull() ?: "") }
        val route = Route.resolve(path, cluster.registry)
        val resource = route as? Route.Resource
        val watch = query["watch"] == "true" || query["watch"] == "1"
        val verb = resource?.let { Verbs.of(method, it, watch) } ?: if (method == "GET") "get" else null
        counters.record(verb, resource?.type?.plural, path)
        try {
            val user = authentication.authenticate(call.request.header("Authorization"), peerCertificate(call))
            val latency = faults.latency(verb, resource?.type?.plural)
            if (!latency.isZero) delay(latency.toMillis())
            faults.takeFailure(verb, resource?.type?.plural)?.let { throw FaultResponses.of(it) }
            authorization.check(user, verb, method, route, path)
            when (route) {
                is Route.Info -> info(call, route)
                is Route.Resource -> {
                    if (verb == null || !Verbs.allowed(verb, route)) throw Statuses.methodNotAllowed()
                    endpoints.handle(call, route, verb, query, user)
                }
                Route.Unknown -> throw Statuses.unknownPath()
            }
        } catch (e: ApiError) {
            Responses.error(call, e)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.error("kube-test failed on {} {}", method, path, e)
            Responses.error(call, Statuses.error(500, "InternalError", "Internal error occurred: ${e.javaClass.simpleName}", null))
        }
    }

    private suspend fun info(call: ApplicationCall, route: Route.Info) {
        val segments = route.segments
        if (segments.size == 1 && segments[0] in setOf("healthz", "livez", "readyz")) {
            Responses.text(call, 200, "ok")
            return
        }
        if (segments.size == 1 && segments[0] in setOf("api", "apis") && AggregatedDiscovery.requested(call.request.header("Accept"))) {
            val body = aggregated.document(core = segments[0] == "api")
            Responses.json(call, 200, body, contentType = ContentType.parse(AggregatedDiscovery.CONTENT_TYPE))
            return
        }
        val document = discovery.document(segments) ?: throw Statuses.unknownPath()
        Responses.json(call, 200, document)
    }

    /** The verified client certificate of the connection, over HTTP/1.1 or HTTP/2. */
    private fun peerCertificate(call: ApplicationCall): X509Certificate? {
        val channel = (call as? NettyApplicationCall)?.context?.channel() ?: return null
        val ssl = channel.pipeline().get(SslHandler::class.java) ?: channel.parent()?.pipeline()?.get(SslHandler::class.java) ?: return null
        return try {
            ssl.engine().session.peerCertificates.firstOrNull() as? X509Certificate
        } catch (_: SSLPeerUnverifiedException) {
            null
        }
    }
}
