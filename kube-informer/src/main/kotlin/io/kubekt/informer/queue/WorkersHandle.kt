package io.kubekt.informer.queue

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.job
import kotlinx.coroutines.runBlocking

/** Workers started from Java by [WorkQueue.startWorkers]; closing stops them and waits for them. */
public class WorkersHandle internal constructor(private val scope: CoroutineScope) : AutoCloseable {
    /** True while any worker runs (they stop on their own once the queue is shut down and drained). */
    public val isRunning: Boolean get() = scope.coroutineContext.job.children.any { it.isActive }

    /** Blocks until the workers returned (after [WorkQueue.shutDown]) or were stopped. */
    public fun await(): Unit = runBlocking { scope.coroutineContext.job.children.forEach { it.join() } }

    /** Stops the workers (their keys are added again) and waits until they have returned. */
    override fun close(): Unit = runBlocking { scope.coroutineContext.job.cancelAndJoin() }
}
