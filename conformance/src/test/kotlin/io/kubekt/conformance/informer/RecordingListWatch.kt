package io.kubekt.conformance.informer

import io.kubekt.api.KubeList
import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.isActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.onCompletion
import kotlinx.coroutines.flow.onStart
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong

/**
 * A [ListWatch] passing every call through to [delegate] (the public typed client, over HTTP)
 * and counting what the reflector did with it: relists (first pages), pages, watches opened,
 * how each watch ended (by the server, by a failure of which class, or cancelled by the
 * reflector itself, e.g. at the idle deadline), and the options of the last watch.
 */
class RecordingListWatch<T>(private val delegate: ListWatch<T>) : ListWatch<T> {
    /** Lists started from the first page: the initial list plus every relist. */
    val relists = AtomicInteger()
    val pages = AtomicInteger()
    val listFailures = AtomicInteger()
    val watches = AtomicInteger()
    /** Watches the server ended normally (timeoutSeconds, a dropped stream). */
    val watchesEnded = AtomicInteger()
    /** Watches the reflector cancelled (idle deadline, a relist it decided on, its own cancellation). */
    val watchesCancelled = AtomicInteger()
    /** Failures by exception class (watches and lists), e.g. `ApiException 410` or `TransportException`. */
    val failures: MutableMap<String, AtomicLong> = ConcurrentHashMap()
    @Volatile var lastWatchOptions: ListOptions? = null
        private set

    override suspend fun list(options: ListOptions): KubeList<out T> {
        if (options.continueToken == null) relists.incrementAndGet()
        try {
            return delegate.list(options).also { pages.incrementAndGet() }
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            listFailures.incrementAndGet()
            record("list", e)
            throw e
        }
    }

    override fun watch(options: ListOptions): Flow<WatchEvent<T>> = delegate.watch(options)
        .onStart {
            watches.incrementAndGet()
            lastWatchOptions = options
        }
        .onCompletion { cause ->
            when {
                cause == null -> watchesEnded.incrementAndGet()
                // the collector cancelled: the HTTP layer may surface that as a broken connection whose cause is the cancellation's
                cause is CancellationException || !currentCoroutineContext().isActive -> watchesCancelled.incrementAndGet()
                cause is Exception -> record("watch", cause)
            }
        }

    private fun record(what: String, e: Exception) {
        val code = (e as? io.kubekt.error.ApiException)?.code?.let { " $it" } ?: ""
        failures.computeIfAbsent("$what ${e.javaClass.simpleName}$code") { AtomicLong() }.incrementAndGet()
    }

    override fun toString(): String =
        "relists=$relists pages=$pages listFailures=$listFailures watches=$watches ended=$watchesEnded cancelled=$watchesCancelled failures=$failures"
}
