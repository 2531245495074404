package io.kubekt.watch

/**
 * One event of a watch stream: an object was added, modified or deleted, or the server marked
 * a resourceVersion (a bookmark).
 *
 * The server's `ERROR` events are not elements: the stream ends with an
 * [io.kubekt.error.ApiException] carrying the server's Status (`isGone` for 410 "too old
 * resource version"), because the server closes the stream after one anyway.
 */
public sealed class WatchEvent<out T> {
    /** The kind of event, for a Java `switch`. */
    public abstract val type: WatchEventType

    /** The resourceVersion this event brings the watcher to (the object's, or the bookmark's). */
    public abstract val resourceVersion: String?

    /** An object was created (or, at the start of a watch from no resourceVersion, already existed). */
    public class Added<out T>(@get:JvmName("getObject") public val obj: T, override val resourceVersion: String?) : WatchEvent<T>() {
        override val type: WatchEventType get() = WatchEventType.ADDED
        override fun toString(): String = "Added($obj)"
    }

    /** An object was changed. */
    public class Modified<out T>(@get:JvmName("getObject") public val obj: T, override val resourceVersion: String?) : WatchEvent<T>() {
        override val type: WatchEventType get() = WatchEventType.MODIFIED
        override fun toString(): String = "Modified($obj)"
    }

    /** An object was deleted; [obj] is its last state. */
    public class Deleted<out T>(@get:JvmName("getObject") public val obj: T, override val resourceVersion: String?) : WatchEvent<T>() {
        override val type: WatchEventType get() = WatchEventType.DELETED
        override fun toString(): String = "Deleted($obj)"
    }

    /**
     * The server is at [resourceVersion]: nothing the watcher may have missed lies before it.
     * [initialEventsEnd] is true on the bookmark that ends a WatchList's initial events
     * (annotation `k8s.io/initial-events-end`).
     */
    public class Bookmark(override val resourceVersion: String, public val initialEventsEnd: Boolean) : WatchEvent<Nothing>() {
        override val type: WatchEventType get() = WatchEventType.BOOKMARK
        override fun toString(): String = "Bookmark($resourceVersion${if (initialEventsEnd) ", initial events end" else ""})"
    }
}
