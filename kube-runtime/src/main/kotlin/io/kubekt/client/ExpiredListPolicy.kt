package io.kubekt.client

/**
 * What `listAll` does when a continue token expires (410 Expired: the server compacted the
 * snapshot the pages were read from, typically after about five minutes).
 */
public enum class ExpiredListPolicy {
    /** Fail with the server's Expired [io.kubekt.error.ApiException] (the default). */
    FAIL,

    /**
     * Start over with a fresh list: the stream gets a [ListAllElement.Restarted] marker, then
     * every item again (items before the marker may repeat after it, with newer states).
     */
    RESTART,

    /**
     * Continue from the token the 410 Status carries: the stream gets a
     * [ListAllElement.ContinuedInconsistently] marker; the rest comes from a newer snapshot, so
     * items changed meanwhile may be missing or repeated. Fails as [FAIL] when the Status has no token.
     */
    CONTINUE_INCONSISTENT,
}
