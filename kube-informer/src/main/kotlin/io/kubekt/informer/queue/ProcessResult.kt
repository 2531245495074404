package io.kubekt.informer.queue

import kotlin.time.Duration
import kotlin.time.toJavaDuration

/** What a work queue does with a key after a worker processed it. */
public sealed class ProcessResult {
    /** Done: the key's failure count is forgotten. */
    public object Done : ProcessResult() {
        override fun toString(): String = "Done"
    }

    /** Failed or not finished: the key comes back after the queue's rate limiter allows it. */
    public object Retry : ProcessResult() {
        override fun toString(): String = "Retry"
    }

    /** Done for now, look again after [delay] (e.g. a periodic check); the failure count is forgotten. */
    public class RetryAfter(public val delay: java.time.Duration) : ProcessResult() {
        init {
            require(!delay.isNegative) { "delay must not be negative, was $delay" }
        }

        override fun equals(other: Any?): Boolean = other is RetryAfter && other.delay == delay
        override fun hashCode(): Int = delay.hashCode()
        override fun toString(): String = "RetryAfter($delay)"
    }

    public companion object {
        /** [Done], for Java. */
        @JvmStatic
        public fun done(): ProcessResult = Done

        /** [Retry], for Java. */
        @JvmStatic
        public fun retry(): ProcessResult = Retry

        /** [RetryAfter] [delay]. */
        @JvmStatic
        public fun retryAfter(delay: java.time.Duration): ProcessResult = RetryAfter(delay)

        /** [RetryAfter] [delay]. */
        @JvmSynthetic
        public fun retryAfter(delay: Duration): ProcessResult = RetryAfter(delay.toJavaDuration())
    }
}
