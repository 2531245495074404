package io.kubekt.informer.reflector

/**
 * What a [Reflector] emits: relist boundaries and the objects' changes, in server order.
 *
 * A relist is `RelistStarted` followed (possibly after retries) by `RelistEnded` carrying the
 * complete state; changes follow from the relist's resourceVersion on.
 */
public sealed class ReflectorEvent<out T> {
    /** The reflector starts fetching the whole state; changes stop until [RelistEnded]. */
    public class RelistStarted(public val reason: RelistReason) : ReflectorEvent<Nothing>() {
        override fun toString(): String = "RelistStarted($reason)"
    }

    /** The whole state as of [resourceVersion]: replaces everything known before. */
    public class RelistEnded<out T>(public val objects: List<T>, public val resourceVersion: String) : ReflectorEvent<T>() {
        override fun toString(): String = "RelistEnded(${objects.size} objects at $resourceVersion)"
    }

    /** An object was created. */
    public class Added<out T>(@get:JvmName("getObject") public val obj: T) : ReflectorEvent<T>() {
        override fun toString(): String = "Added($obj)"
    }

    /** An object was changed. */
    public class Modified<out T>(@get:JvmName("getObject") public val obj: T) : ReflectorEvent<T>() {
        override fun toString(): String = "Modified($obj)"
    }

    /** An object was deleted; [obj] is its last state. */
    public class Deleted<out T>(@get:JvmName("getObject") public val obj: T) : ReflectorEvent<T>() {
        override fun toString(): String = "Deleted($obj)"
    }
}
