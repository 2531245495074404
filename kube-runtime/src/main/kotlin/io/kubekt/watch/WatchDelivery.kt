package io.kubekt.watch

import io.kubekt.client.StreamHandle
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.launch
import org.slf4j.LoggerFactory
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicReference

/** Runs a watch [Flow] for Java: collects it in a client's scope and hands each event to a [WatchListener]. */
internal object WatchDelivery {
    private val log = LoggerFactory.getLogger(WatchDelivery::class.java)

    fun <T> start(scope: CoroutineScope, events: Flow<WatchEvent<T>>, listener: WatchListener<T>, what: String): StreamHandle {
        val done = CompletableFuture<Void?>()
        val failure = AtomicReference<Throwable?>()
        val job = scope.launch {
            try {
                events.collect { event ->
                    ensureActive()
                    listener.onEvent(event)
                }
            } catch (e: CancellationException) {
                throw e
            } catch (e: Throwable) {
                failure.set(e)
            }
        }
        job.invokeOnCompletion {
            val error = failure.get()
            if (error == null) log.debug("watch {} ended", what) else log.debug("watch {} failed", what, error)
            try {
                listener.onClose(error)
            } catch (e: Exception) {
                log.warn("WatchListener.onClose of watch {} threw", what, e)
            }
            if (error == null) done.complete(null) else done.completeExceptionally(error)
        }
        return StreamHandle(job, done)
    }
}
