package io.kubekt.informer.store

import io.kubekt.api.KubeObject
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.delta.Delta
import io.kubekt.informer.delta.DeltaBatch
import java.util.concurrent.locks.ReentrantReadWriteLock
import kotlin.concurrent.read
import kotlin.concurrent.write

/**
 * The local copy of a resource, indexed (client-go's thread-safe Store and Indexer). Always
 * indexed by namespace ([NAMESPACE_INDEX]); [indexers] add more by name.
 *
 * Threading: reads may come from any thread and see each applied batch whole (a relist swaps
 * the contents atomically); one writer applies batches with [apply]. Cached objects are
 * immutable models: share them, never copy them. Reads are as fresh as the last applied batch.
 */
public class Store<T : KubeObject> @JvmOverloads constructor(indexers: Map<String, Indexer<T>> = emptyMap()) {
    private val lock = ReentrantReadWriteLock()
    private val indexers: Map<String, Indexer<T>> = mapOf<String, Indexer<T>>(NAMESPACE_INDEX to NAMESPACE) + indexers
    private var objects = HashMap<ObjectKey, T>()
    private var indices = StoreIndices(this.indexers)
    private var replaced = false

    /** True once a complete state (a relist) was applied. */
    @get:JvmName("hasSynced")
    public val hasSynced: Boolean get() = lock.read { replaced }

    /** The number of objects. */
    public val size: Int get() = lock.read { objects.size }

    /** The object under [key], or null. */
    public fun getOrNull(key: ObjectKey): T? = lock.read { objects[key] }

    /** Every object, in no particular order. */
    public fun list(): List<T> = lock.read { objects.values.toList() }

    /** Every key. */
    public fun keys(): Set<ObjectKey> = lock.read { objects.keys.toSet() }

    /** The objects [indexName] files under [value]. @throws IllegalArgumentException for an unknown index. */
    public fun byIndex(indexName: String, value: String): List<T> = lock.read {
        require(indexName in indexers) { "no index named '$indexName' (known: ${indexers.keys.joinToString()})" }
        indices.keys(indexName, value).mapNotNull { objects[it] }
    }

    /** The values [indexName] currently has objects under. @throws IllegalArgumentException for an unknown index. */
    public fun indexValues(indexName: String): Set<String> = lock.read {
        require(indexName in indexers) { "no index named '$indexName' (known: ${indexers.keys.joinToString()})" }
        indices.values(indexName)
    }

    /** Listers over this store. */
    public fun lister(): Lister<T> = Lister(this)

    /**
     * Applies one batch from a delta queue and returns the changes it made, in order. Deltas
     * about an object the store never had are dropped (it came and went unseen).
     */
    public fun apply(batch: DeltaBatch<T>): List<StoreChange<T>> = lock.write {
        when (batch) {
            is DeltaBatch.ForKey -> batch.deltas.mapNotNull { applyDelta(batch.key, it) }
            is DeltaBatch.Replace -> replaceAll(batch)
        }
    }

    private fun applyDelta(key: ObjectKey, delta: Delta<T>): StoreChange<T>? = when (delta) {
        is Delta.Deleted -> objects.remove(key)?.let { old ->
            indices.remove(key, old)
            StoreChange.Deleted(delta.obj, finalStateUnknown = false)
        }
        is Delta.Added, is Delta.Updated -> {
            val old = objects.put(key, delta.obj)
            if (old != null) indices.remove(key, old)
            indices.add(key, delta.obj)
            if (old == null) StoreChange.Added(delta.obj, inInitialList = false) else StoreChange.Updated(old, delta.obj)
        }
    }

    private fun replaceAll(batch: DeltaBatch.Replace<T>): List<StoreChange<T>> {
        val initial = !replaced
        val next = HashMap<ObjectKey, T>(batch.objects.size * 4 / 3 + 1)
        batch.objects.forEach { next[ObjectKey.of(it)] = it }
        val changes = ArrayList<StoreChange<T>>()
        for ((key, old) in objects) {
            val now = next[key]
            if (now == null || !sameObject(old, now)) {
                val known = batch.knownDeletions[key]
                changes += StoreChange.Deleted(known ?: old, finalStateUnknown = known == null)
            }
        }
        for (obj in batch.objects) { // in the server's order
            val key = ObjectKey.of(obj)
            if (next[key] !== obj) continue // a duplicate name in the list: the last one counts
            val old = objects[key]
            when {
                old == null || !sameObject(old, obj) -> changes += StoreChange.Added(obj, inInitialList = initial)
                old.metadata?.resourceVersion != obj.metadata?.resourceVersion -> changes += StoreChange.Updated(old, obj)
            }
        }
        val nextIndices = StoreIndices(indexers)
        next.forEach { (key, obj) -> nextIndices.add(key, obj) }
        objects = next
        indices = nextIndices
        replaced = true
        return changes
    }

    /** The same object, not one re-created under the same name (uids differ). */
    private fun sameObject(a: T, b: T): Boolean {
        val uidA = a.metadata?.uid
        val uidB = b.metadata?.uid
        return uidA == null || uidB == null || uidA == uidB
    }

    public companion object {
        /** The index every store has: objects by namespace (`""` for cluster-scoped ones). */
        public const val NAMESPACE_INDEX: String = "namespace"

        private val NAMESPACE = Indexer<KubeObject> { listOf(it.metadata?.namespace.orEmpty()) }
    }
}
