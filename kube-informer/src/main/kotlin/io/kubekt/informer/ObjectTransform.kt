package io.kubekt.informer

import io.kubekt.api.KubeObject

/**
 * Changes an object before a [SharedInformer] caches it, e.g. to drop what the program never
 * reads and save memory. Must return an immutable model and keep namespace, name, uid and
 * resourceVersion. Called on the informer's coroutine, once per received object.
 */
public fun interface ObjectTransform<T> {
    /** The object to cache instead of [obj] (or [obj] itself). */
    public fun transform(obj: T): T

    public companion object {
        /** The default: the object without `metadata.managedFields` (often half its size; controllers rarely read it). */
        @JvmStatic
        public fun <T : KubeObject> dropManagedFields(): ObjectTransform<T> = ObjectTransform { ManagedFields.drop(it) }

        /** Caches objects exactly as the server sent them. */
        @JvmStatic
        public fun <T> keepEverything(): ObjectTransform<T> = ObjectTransform { it }
    }
}
