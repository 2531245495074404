package io.kubekt.client

/**
 * One element of `listAll` with an [ExpiredListPolicy] other than FAIL: an item, or a marker
 * saying how the list went on after its continue token expired.
 */
public sealed class ListAllElement<out T> {
    /** One listed object. */
    public class Item<out T>(@get:JvmName("getObject") public val obj: T) : ListAllElement<T>() {
        override fun toString(): String = "Item($obj)"
    }

    /** The list started over from a fresh snapshot: items before this marker may come again. */
    public object Restarted : ListAllElement<Nothing>() {
        override fun toString(): String = "Restarted"
    }

    /**
     * The list went on from a newer snapshot (the Status' continue token): objects changed since
     * the first page may be missing or repeated.
     */
    public object ContinuedInconsistently : ListAllElement<Nothing>() {
        override fun toString(): String = "ContinuedInconsistently"
    }
}
