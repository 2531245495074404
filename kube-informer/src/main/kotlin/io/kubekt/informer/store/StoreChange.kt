package io.kubekt.informer.store

/** A change a [Store] made while applying a delta batch: what handlers are told. */
public sealed class StoreChange<out T> {
    /** [obj] was added; [inInitialList] when it came with the store's first relist. */
    public class Added<out T>(@get:JvmName("getObject") public val obj: T, @get:JvmName("isInInitialList") public val inInitialList: Boolean) : StoreChange<T>() {
        override fun toString(): String = "Added($obj${if (inInitialList) ", initial" else ""})"
    }

    /** [old] was replaced by [new]. */
    public class Updated<out T>(public val old: T, public val new: T) : StoreChange<T>() {
        override fun toString(): String = "Updated($old -> $new)"
    }

    /**
     * [obj] was deleted. [finalStateUnknown] when the deletion was inferred from a relist (the
     * object vanished while the watch was down): [obj] is then the last state the store had,
     * and the object may have changed before it was deleted.
     */
    public class Deleted<out T>(@get:JvmName("getObject") public val obj: T, @get:JvmName("isFinalStateUnknown") public val finalStateUnknown: Boolean) : StoreChange<T>() {
        override fun toString(): String = "Deleted($obj${if (finalStateUnknown) ", final state unknown" else ""})"
    }
}
