package io.kubekt.informer.reflector

import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

/**
 * Long-lived settings of a [Reflector]. Kotlin-facing (the shared informer gives Java its own
 * configuration); immutable.
 */
public class ReflectorConfig(
    /** Items per list page (`limit`); client-go's default 500. */
    public val pageSize: Long = 500,
    /** Only objects with these labels, e.g. `app=web`. */
    public val labelSelector: String? = null,
    /** Only objects matching these fields, e.g. `metadata.name=web`. */
    public val fieldSelector: String? = null,
    /** Asks the server to end each watch after about this long (`timeoutSeconds`); shorter than [idleTimeout]. */
    public val watchTimeout: Duration = 4.minutes,
    /** A watch silent this long (no event, no bookmark) is closed and restarted from the last resourceVersion. */
    public val idleTimeout: Duration = 5.minutes,
    /** The backoff after the second consecutive failure; it doubles per failure. */
    public val initialBackoff: Duration = 800.milliseconds,
    /** The longest backoff between failures. */
    public val maxBackoff: Duration = 30.seconds,
    /**
     * Fetch the initial state with a WatchList (a watch with `sendInitialEvents=true`) instead of
     * a paged list; falls back to lists for good when the server refuses or ignores it.
     */
    public val useWatchList: Boolean = false,
) {
    init {
        require(pageSize > 0) { "pageSize must be positive, was $pageSize" }
        require(watchTimeout.isPositive() && idleTimeout > watchTimeout) {
            "watchTimeout ($watchTimeout) must be positive and shorter than idleTimeout ($idleTimeout)"
        }
        require(initialBackoff.isPositive() && maxBackoff >= initialBackoff) {
            "initialBackoff ($initialBackoff) must be positive and not above maxBackoff ($maxBackoff)"
        }
    }
}
