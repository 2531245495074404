package io.kubekt.informer

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.job
import kotlinx.coroutines.runBlocking
import java.util.concurrent.CompletableFuture

/**
 * Informers started from Java ([SharedInformer.start], [SharedInformerFactory.start]): they run
 * on `Dispatchers.IO` in a scope this handle owns (a child of the client's scope when started
 * with a client, so closing the client stops them too); [close] stops their watches and
 * handlers, closes their connections and waits until they have stopped.
 */
public class InformerHandle internal constructor(
    private val scope: CoroutineScope,
    private val syncedFuture: CompletableFuture<Void?>,
) : AutoCloseable {
    /** Completes once every started informer's cache holds its first list. */
    public fun synced(): CompletableFuture<Void?> = syncedFuture.copy()

    /** True once every started informer's cache holds its first list. */
    @get:JvmName("hasSynced")
    public val hasSynced: Boolean get() = syncedFuture.isDone

    /** True until [close], closing the client, or a failure stopped the informers. */
    public val isRunning: Boolean get() = scope.coroutineContext.job.isActive

    /** Stops the informers and waits until they have stopped. Idempotent. */
    override fun close(): Unit = runBlocking { scope.coroutineContext.job.cancelAndJoin() }
}
