package io.kubekt.informer.delta

/** One pending change of one object in a [DeltaQueue]. */
public sealed class Delta<out T> {
    /** The object, in its newest known state. */
    public abstract val obj: T

    /** The object was created (or reappeared). */
    public class Added<out T>(override val obj: T) : Delta<T>() {
        override fun toString(): String = "Added($obj)"
    }

    /** The object changed. */
    public class Updated<out T>(override val obj: T) : Delta<T>() {
        override fun toString(): String = "Updated($obj)"
    }

    /** The object was deleted; [obj] is its last state. */
    public class Deleted<out T>(override val obj: T) : Delta<T>() {
        override fun toString(): String = "Deleted($obj)"
    }
}
