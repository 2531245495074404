package io.kubekt.test.http

import io.kubekt.test.api.ApiError
import io.kubekt.test.core.Cluster
import io.kubekt.test.core.ListOptions
import io.kubekt.test.registry.storageKey
import io.kubekt.test.watch.FaultState
import io.kubekt.test.watch.WatchSession
import io.kubekt.test.watch.WatchSpec
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.netty.NettyApplicationCall
import io.ktor.server.response.respondBytesWriter
import io.ktor.utils.io.writeStringUtf8
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.withTimeoutOrNull
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * `?watch=true`: a 200 response of newline-delimited `{"type":...,"object":...}` events. A
 * resourceVersion older than the history is answered as the API server does: a 200 stream with a
 * single ERROR event carrying the 410 Expired Status.
 */
internal class WatchEndpoint(
    private val cluster: Cluster,
    private val faults: FaultState,
    private val bookmarkInterval: () -> Duration,
    private val resourceVersionWait: Duration,
) {
    suspend fun watch(call: ApplicationCall, route: Route.Resource, options: ListOptions, view: Presentation) {
        val requested = options.rv
        if (requested != null && requested > cluster.store.resourceVersions.value) {
            withTimeoutOrNull(resourceVersionWait.toMillis()) { cluster.store.resourceVersions.first { it >= requested } }
        }
        val session = WatchSession(cluster.store, spec(route, options, view), faults)
        val error = try {
            cluster.locked { open(session, route, options) }
            null
        } catch (e: ApiError) {
            if (e.code != 410) throw e
            e
        }
        call.respondBytesWriter(ContentType.Application.Json, HttpStatusCode.OK) {
            if (error != null) {
                writeStringUtf8(WatchSession.line("ERROR", error.status))
                flush()
                return@respondBytesWriter
            }
            flush()
            flushHeaders(call)
            val channel = (call as? NettyApplicationCall)?.context?.channel()
            val writer = this
            session.run({ channel?.isActive != false && !writer.isClosedForWrite }) { line ->
                writeStringUtf8(line)
                flush()
            }
        }
    }

    /**
     * Sends the response headers now: Ktor's Netty pipeline holds them back until body bytes
     * arrive, but a watch client must see 200 before the first event, as from a real server.
     */
    private fun flushHeaders(call: ApplicationCall) {
        val ctx = (call as? NettyApplicationCall)?.context ?: return
        ctx.executor().execute { ctx.flush() }
        ctx.executor().schedule({ ctx.flush() }, 20, TimeUnit.MILLISECONDS)
    }

    /** Chooses the start: initial state as ADDED events (rv unset/"0" or sendInitialEvents=true), else events after rv. */
    private fun open(session: WatchSession, route: Route.Resource, options: ListOptions) {
        val current = cluster.store.resourceVersion
        val requested = options.rv
        if (requested != null && requested > current) throw io.kubekt.test.api.Statuses.tooLargeResourceVersion(requested, current)
        val initial = when (options.sendInitialEvents) {
            true -> true
            false -> false
            null -> requested == null || requested == 0L
        }
        if (initial) {
            val state = cluster.store.list(route.type.storageKey, cluster.prefix(route.type, route.namespace))
                .map { it.second }.filter { cluster.reads.matches(it, options) }
            val endBookmark = if (options.sendInitialEvents == true && options.allowWatchBookmarks) current else null
            session.start(current, state, endBookmark)
        } else {
            session.start(if (requested == null || requested == 0L) current else requested, emptyList(), null)
        }
    }

    private fun spec(route: Route.Resource, options: ListOptions, view: Presentation) = WatchSpec(
        resource = route.type.storageKey,
        keyPrefix = cluster.prefix(route.type, route.namespace),
        matches = { cluster.reads.matches(it, options) },
        present = view::present,
        bookmarkKind = view.bookmarkKind(),
        bookmarkApiVersion = if (view.metadataOnly) "meta.k8s.io/v1" else view.listApiVersion(),
        allowBookmarks = options.allowWatchBookmarks,
        bookmarkInterval = bookmarkInterval(),
        timeout = options.timeoutSeconds?.takeIf { it > 0 }?.let { Duration.ofSeconds(it) },
    )
}
