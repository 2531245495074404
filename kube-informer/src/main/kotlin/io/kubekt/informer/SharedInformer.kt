package io.kubekt.informer

import io.kubekt.api.KubeObject
import io.kubekt.informer.delta.DeltaBatch
import io.kubekt.informer.delta.DeltaQueue
import io.kubekt.informer.reflector.Reflector
import io.kubekt.informer.reflector.ReflectorConfig
import io.kubekt.informer.reflector.ReflectorEvent
import io.kubekt.informer.store.Lister
import io.kubekt.informer.store.Store
import io.kubekt.informer.store.StoreChange
import io.kubekt.watch.ListWatch
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext

/**
 * One reflector feeding one store, shared by many subscribers (client-go's SharedIndexInformer).
 * First cut (issue 5, part 4 started): Kotlin only; Java handlers, resync, the default
 * managedFields transform and the factory come next.
 *
 * [run] does the work in the caller's coroutine until cancelled: reflector -> delta queue ->
 * store -> subscribers. Each subscriber has a bounded buffer: a subscriber that falls behind
 * holds back the store and the other subscribers (open question: client-go gives each listener
 * an unbounded buffer instead); the delta queue compacts meanwhile, so the watch never waits
 * and memory stays bounded by the object count. A subscriber that leaves never blocks anyone.
 */
public class SharedInformer<T : KubeObject> @JvmOverloads constructor(
    listWatch: ListWatch<T>,
    config: ReflectorConfig = ReflectorConfig(),
    private val transform: (T) -> T = { it },
    private val subscriberBuffer: Int = DEFAULT_SUBSCRIBER_BUFFER,
) {
    private val reflector = Reflector(listWatch, config)
    private val store = Store<T>()
    private val mutex = Mutex()
    private val subscribers = ArrayList<Channel<StoreChange<T>>>()
    private val synced = CompletableDeferred<Unit>()

    /** Listers over the informer's store (as fresh as the last applied change). */
    public fun lister(): Lister<T> = store.lister()

    /** True once the first relist reached the store. */
    public val hasSynced: Boolean get() = synced.isCompleted

    /** Suspends until the first relist reached the store. */
    @JvmSynthetic
    public suspend fun awaitSynced(): Unit = synced.await()

    /**
     * Changes for one subscriber: first the store's current objects as `Added(inInitialList =
     * true)`, then every change, in order, without gaps or repeats. Cold: each collection is a
     * new subscriber; cancelling it unsubscribes.
     */
    @JvmSynthetic
    public fun events(): Flow<StoreChange<T>> = flow {
        val channel = Channel<StoreChange<T>>(subscriberBuffer)
        val snapshot = mutex.withLock {
            subscribers += channel
            store.list()
        }
        try {
            snapshot.forEach { emit(StoreChange.Added(it, inInitialList = true)) }
            for (change in channel) emit(change)
        } finally {
            channel.cancel()
            withContext(NonCancellable) { mutex.withLock { subscribers -= channel } }
        }
    }

    /** Runs the informer in the caller's coroutine until cancelled. Run it once. */
    @JvmSynthetic
    public suspend fun run(): Unit = coroutineScope {
        val queue = DeltaQueue<T>()
        launch { reflector.events().collect { queue.offer(transformed(it)) } }
        while (true) {
            val batch = queue.take()
            mutex.withLock {
                val changes = store.apply(batch)
                if (batch is DeltaBatch.Replace) synced.complete(Unit)
                deliver(changes)
            }
        }
    }

    private suspend fun deliver(changes: List<StoreChange<T>>) {
        for (subscriber in subscribers.toList()) {
            try {
                for (change in changes) subscriber.send(change)
            } catch (e: CancellationException) {
                currentCoroutineContext().ensureActive() // our own cancellation: stop
                subscribers -= subscriber // the subscriber left while we waited for it
            }
        }
    }

    private fun transformed(event: ReflectorEvent<T>): ReflectorEvent<T> = when (event) {
        is ReflectorEvent.RelistStarted -> event
        is ReflectorEvent.RelistEnded -> ReflectorEvent.RelistEnded(event.objects.map(transform), event.resourceVersion)
        is ReflectorEvent.Added -> ReflectorEvent.Added(transform(event.obj))
        is ReflectorEvent.Modified -> ReflectorEvent.Modified(transform(event.obj))
        is ReflectorEvent.Deleted -> ReflectorEvent.Deleted(transform(event.obj))
    }

    private companion object {
        const val DEFAULT_SUBSCRIBER_BUFFER = 64
    }
}
