package io.kubekt.client

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.isActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.future.future
import kotlinx.coroutines.job
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.slf4j.LoggerFactory
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicReference

/**
 * Runs suspending calls for the Java face on a client's [scope]: blocking, as futures, and streams
 * delivered to a listener. Closing the client (cancelling the scope) cancels all three.
 */
internal class CoroutineBridge(private val scope: CoroutineScope) {
    /**
     * Runs [block] on the calling thread until it completes. Interrupting the thread or closing
     * the client cancels it (the caller then gets a [CancellationException]).
     */
    fun <T> blocking(block: suspend CoroutineScope.() -> T): T = runBlocking {
        val caller = coroutineContext.job
        val link = scope.coroutineContext.job.invokeOnCompletion { caller.cancel(CancellationException("client closed")) }
        try {
            block()
        } finally {
            link.dispose()
        }
    }

    /** Runs [block] in the client's scope; cancelling the future cancels the coroutine. */
    fun <T> future(block: suspend CoroutineScope.() -> T): CompletableFuture<T> = scope.future(block = block)

    /** Collects [lines] in the client's scope, delivering each to [listener] until closed. */
    fun stream(lines: Flow<String>, listener: LineListener, what: String): StreamHandle =
        collect(lines, listener::onLine, listener::onClose, what)

    /**
     * Collects [elements] in the client's scope, delivering each to [onElement] one at a time,
     * then [onClose] once with the failure or null, until the handle is closed. Closing the
     * handle or the client ends it with null, even when the flow throws while it is cancelled.
     */
    fun <E> collect(elements: Flow<E>, onElement: (E) -> Unit, onClose: (Throwable?) -> Unit, what: String): StreamHandle {
        val done = CompletableFuture<Void?>()
        val failure = AtomicReference<Throwable?>()
        val job = scope.launch {
            try {
                elements.collect { element ->
                    ensureActive()
                    onElement(element)
                }
            } catch (e: CancellationException) {
                throw e
            } catch (e: Throwable) {
                // An error raised while the stream was being closed (a connection the closing
                // client shut under it) is the close itself, not a failure.
                if (isActive) failure.set(e)
            }
        }
        job.invokeOnCompletion {
            val error = failure.get()
            if (error == null) log.debug("stream {} ended", what) else log.debug("stream {} failed", what, error)
            try {
                onClose(error)
            } catch (e: Exception) {
                log.warn("the listener of stream {} threw on close", what, e)
            }
            if (error == null) done.complete(null) else done.completeExceptionally(error)
        }
        return StreamHandle(job, done)
    }

    private companion object {
        private val log = LoggerFactory.getLogger(CoroutineBridge::class.java)
    }
}
