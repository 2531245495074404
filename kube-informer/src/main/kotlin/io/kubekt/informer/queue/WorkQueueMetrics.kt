package io.kubekt.informer.queue

import java.time.Duration

/**
 * Hooks a [WorkQueue] calls for metrics (client-go's workqueue metrics). Called on the thread
 * that changed the queue, inside no lock; implementations must be fast and thread-safe.
 * Every method does nothing by default.
 */
public interface WorkQueueMetrics {
    /** A key was added (also when it collapsed into a waiting one). */
    public fun added() {}

    /** The number of keys waiting (not in flight, not delayed) changed to [depth]. */
    public fun depth(depth: Int) {}

    /** A key waited [latency] between being queued and a worker taking it. */
    public fun queueLatency(latency: Duration) {}

    /** A worker spent [duration] on a key. */
    public fun workDuration(duration: Duration) {}

    /** A key was requeued through the rate limiter. */
    public fun retried() {}

    public companion object {
        /** Records nothing. */
        @JvmField
        public val NONE: WorkQueueMetrics = object : WorkQueueMetrics {}
    }
}
