package io.kubekt.informer.delta

import io.kubekt.informer.ObjectKey

/** What a [DeltaQueue] hands its consumer: one key's compacted deltas, or a whole new state. */
public sealed class DeltaBatch<out T> {
    /**
     * The pending deltas of [key], oldest first, compacted: at most a deletion followed by the
     * newest state of a re-created object.
     */
    public class ForKey<out T>(public val key: ObjectKey, public val deltas: List<Delta<T>>) : DeltaBatch<T>() {
        override fun toString(): String = "ForKey($key, $deltas)"
    }

    /**
     * A relist: [objects] are the complete state at [resourceVersion] and replace everything.
     * [knownDeletions] are the last states of objects whose deletion was seen but not yet
     * applied (their deletes are not final-state-unknown).
     */
    public class Replace<out T>(
        public val objects: List<T>,
        public val resourceVersion: String,
        public val knownDeletions: Map<ObjectKey, T>,
    ) : DeltaBatch<T>() {
        override fun toString(): String = "Replace(${objects.size} objects at $resourceVersion)"
    }
}
