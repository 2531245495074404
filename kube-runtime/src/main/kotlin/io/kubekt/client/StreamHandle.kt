package io.kubekt.client

import kotlinx.coroutines.Job
import java.util.concurrent.CompletableFuture

/**
 * A running stream started from Java ([RestRequest.stream]). Closing it closes the connection;
 * use it in try-with-resources.
 */
public class StreamHandle internal constructor(
    private val job: Job,
    private val done: CompletableFuture<Void?>,
) : AutoCloseable {
    /** True while the stream is open. */
    public val isOpen: Boolean get() = job.isActive

    /**
     * Completes when the stream ends: normally when the server ended it or it was closed,
     * exceptionally with the error that failed it. Cancelling this future does not close the
     * stream; [close] does.
     */
    public fun completion(): CompletableFuture<Void?> = done.copy()

    /** Stops the stream and closes its connection. No new line is delivered once this returns. Idempotent. */
    override fun close() {
        job.cancel()
    }
}
