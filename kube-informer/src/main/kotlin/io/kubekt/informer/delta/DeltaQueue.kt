package io.kubekt.informer.delta

import io.kubekt.api.KubeObject
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.reflector.ReflectorEvent
import kotlinx.coroutines.channels.Channel
import java.util.concurrent.locks.ReentrantLock
import kotlin.concurrent.withLock

/**
 * Pending changes between a reflector and a store (client-go's DeltaFIFO), compacted per key so
 * its size is bounded by the number of objects, never by the event rate: a slow consumer
 * makes changes coalesce instead of piling up, and the reflector never waits.
 *
 * Order: keys come out in the order their first pending change came in; a relist
 * ([ReflectorEvent.RelistEnded]) supersedes every pending change and comes out first.
 * Compaction keeps the newest state: Added+Updated is Added (newest), Updated+Updated is
 * Updated (newest), Added/Updated+Deleted is Deleted (newest), Deleted+Added stays both (a
 * re-created object), and consecutive deletions keep the last.
 *
 * Threading: [offer] is thread-safe and never blocks; [take] is for one consumer (the store
 * must apply batches in order).
 */
public class DeltaQueue<T : KubeObject> {
    private val lock = ReentrantLock()
    private val pending = LinkedHashMap<ObjectKey, MutableList<Delta<T>>>()
    private var replace: DeltaBatch.Replace<T>? = null
    private val signal = Channel<Unit>(Channel.CONFLATED)

    /** The number of batches waiting (keys, plus one for a pending relist). */
    public val size: Int get() = lock.withLock { pending.size + if (replace != null) 1 else 0 }

    /** Queues what [event] changes; [ReflectorEvent.RelistStarted] changes nothing. */
    public fun offer(event: ReflectorEvent<T>) {
        lock.withLock {
            when (event) {
                is ReflectorEvent.RelistStarted -> return
                is ReflectorEvent.RelistEnded -> replaceAll(event)
                is ReflectorEvent.Added -> append(Delta.Added(event.obj))
                is ReflectorEvent.Modified -> append(Delta.Updated(event.obj))
                is ReflectorEvent.Deleted -> append(Delta.Deleted(event.obj))
            }
        }
        signal.trySend(Unit)
    }

    /** The next batch, or null when none waits. */
    public fun poll(): DeltaBatch<T>? = lock.withLock {
        replace?.let { replace = null; return it }
        val first = pending.entries.firstOrNull() ?: return null
        pending.remove(first.key)
        DeltaBatch.ForKey(first.key, first.value.toList())
    }

    /** Waits for the next batch. Cancellable. */
    @JvmSynthetic
    public suspend fun take(): DeltaBatch<T> {
        while (true) {
            poll()?.let { return it }
            signal.receive()
        }
    }

    private fun replaceAll(event: ReflectorEvent.RelistEnded<T>) {
        val known = HashMap(replace?.knownDeletions.orEmpty())
        for ((key, deltas) in pending) {
            val last = deltas.last()
            if (last is Delta.Deleted) known[key] = last.obj else known.remove(key)
        }
        pending.clear()
        replace = DeltaBatch.Replace(event.objects, event.resourceVersion, known)
    }

    private fun append(delta: Delta<T>) {
        val key = ObjectKey.of(delta.obj)
        val deltas = pending.getOrPut(key) { ArrayList(2) }
        val last = deltas.lastOrNull()
        when {
            last == null -> deltas += delta
            last is Delta.Deleted && delta is Delta.Deleted -> deltas[deltas.lastIndex] = delta
            last is Delta.Deleted -> deltas += Delta.Added(delta.obj) // re-created after a deletion
            delta is Delta.Deleted -> {
                deltas.removeAt(deltas.lastIndex)
                if (deltas.lastOrNull() is Delta.Deleted) deltas[deltas.lastIndex] = delta else deltas += delta
            }
            last is Delta.Added -> deltas[deltas.lastIndex] = Delta.Added(delta.obj)
            else -> deltas[deltas.lastIndex] = Delta.Updated(delta.obj)
        }
    }
}
