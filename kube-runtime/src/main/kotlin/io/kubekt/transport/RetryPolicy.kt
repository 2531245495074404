package io.kubekt.transport

import io.kubekt.request.Verb

/**
 * Which failures are retried for which verb: exactly the table in `docs/decisions/retries.md`.
 * Streams (watches) are never retried here; the informer layer resumes them.
 */
internal object RetryPolicy {
    /** Verbs whose repetition cannot change the outcome beyond a first success: reads, PUT, DELETE. */
    private fun safeToRepeat(verb: Verb): Boolean = verb.idempotent && verb != Verb.WATCH

    private fun read(verb: Verb): Boolean = verb == Verb.GET || verb == Verb.LIST

    /** Whether an answer with HTTP [code] is retried for [verb]. */
    fun retriesStatus(verb: Verb, code: Int, hasRetryAfter: Boolean): Boolean = when {
        verb == Verb.WATCH -> false
        code == 429 -> true
        code >= 500 && hasRetryAfter -> true
        code == 502 || code == 503 || code == 504 -> read(verb)
        else -> false
    }

    /** Whether a connection failure is retried: always when nothing was sent, else only for safe verbs. */
    fun retriesFailure(verb: Verb, failure: ConnectionFailure): Boolean = when (failure) {
        ConnectionFailure.NOT_SENT -> verb != Verb.WATCH
        ConnectionFailure.MAYBE_SENT -> safeToRepeat(verb)
        ConnectionFailure.FINAL -> false
    }
}

/** How far a failed attempt got, which decides whether repeating it is safe. */
internal enum class ConnectionFailure {
    /** The connection was never made (refused, connect timeout): the server cannot have acted. */
    NOT_SENT,

    /** The connection broke after the request may have been sent (reset, EOF). */
    MAYBE_SENT,

    /** Retrying cannot help (TLS trust, unknown host, request timeout). */
    FINAL,
}
