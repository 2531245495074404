package io.kubekt.transport

import io.kubekt.error.KubeException
import kotlin.time.Duration

/** What one HTTP attempt came to, and whether the retry table allows another. */
internal sealed class AttemptOutcome {
    class Success(val response: KubeResponse) : AttemptOutcome()

    class Failure(
        val exception: KubeException,
        /** The retry table allows repeating this attempt. */
        val retryable: Boolean,
        /** The server's `Retry-After`, if it sent one. */
        val retryAfter: Duration? = null,
        /** What to log: the HTTP code or the failure kind. */
        val summary: String,
    ) : AttemptOutcome()
}
