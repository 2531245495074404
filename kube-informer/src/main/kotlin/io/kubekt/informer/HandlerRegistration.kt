package io.kubekt.informer

import kotlinx.coroutines.Job
import kotlinx.coroutines.future.await
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicReference

/**
 * One handler added to a [SharedInformer] with [SharedInformer.addHandler]: its own synced
 * signal (true once the handler was given every object of the informer's first list), and
 * [remove] (or [close]) to stop calling it.
 */
public class HandlerRegistration internal constructor(private val onRemove: (HandlerRegistration) -> Unit) : AutoCloseable {
    private val syncedFuture = CompletableFuture<Void?>()
    private val job = AtomicReference<Job?>()

    /** True once the handler received the whole initial list. */
    @get:JvmName("hasSynced")
    public val hasSynced: Boolean get() = syncedFuture.isDone

    /** Completes once the handler received the whole initial list; never fails (cancelled if removed first). */
    public fun synced(): CompletableFuture<Void?> = syncedFuture.copy()

    /** Suspends until the handler received the whole initial list. */
    @JvmSynthetic
    public suspend fun awaitSynced() {
        syncedFuture.await()
    }

    /** Stops calling the handler (a call in progress finishes). Idempotent. */
    public fun remove() {
        onRemove(this)
        job.getAndSet(null)?.cancel()
        syncedFuture.cancel(false)
    }

    /** Same as [remove]. */
    override fun close(): Unit = remove()

    internal fun markSynced() {
        syncedFuture.complete(null)
    }

    internal fun attach(running: Job) {
        job.getAndSet(running)?.cancel()
    }
}
