package io.kubekt.transport

import java.time.Duration

/**
 * How failed requests are retried: jittered exponential backoff from [initialBackoff] up to
 * [maxBackoff], at most [maxRetries] retries, and a server's `Retry-After` honoured (capped at
 * [maxBackoff]). Which failures are retried for which verb is a fixed table: see
 * `docs/decisions/retries.md`.
 */
public data class RetryConfig(
    val maxRetries: Int = 5,
    val initialBackoff: Duration = Duration.ofMillis(200),
    val maxBackoff: Duration = Duration.ofSeconds(10),
) {
    init {
        require(maxRetries >= 0) { "maxRetries must be >= 0, was $maxRetries" }
        require(!initialBackoff.isNegative && !maxBackoff.isNegative) { "backoff durations must not be negative" }
    }

    public companion object {
        /** The defaults above. */
        @JvmField
        public val DEFAULT: RetryConfig = RetryConfig()

        /** Never retry. */
        @JvmField
        public val NONE: RetryConfig = RetryConfig(maxRetries = 0)
    }
}
