package io.kubekt.informer

import io.kubekt.InternalKubektApi
import io.kubekt.api.KubeObject
import io.kubekt.client.KubeClient
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
import kotlinx.coroutines.CoroutineExceptionHandler
import kotlinx.coroutines.CoroutineName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import org.slf4j.LoggerFactory
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.time.Duration
import kotlin.time.toKotlinDuration

/**
 * One reflector feeding one cache, shared by many subscribers (client-go's SharedIndexInformer):
 * handlers ([addHandler]) and Flows ([events]), each with its own synced signal and resync.
 *
 * [run] does the work in the caller's coroutine until cancelled: reflector -> delta queue ->
 * [transform] -> store -> subscribers; cancelling it stops the watch (closing its connection)
 * and every handler. Java calls [start] instead. Each subscriber has a bounded buffer of
 * [subscriberBuffer] changes: one that falls behind holds back the store and the others while
 * the delta queue compacts, so the watch never waits and memory stays bounded by the object
 * count (docs/decisions/informers.md). A subscriber that leaves never blocks anyone.
 *
 * [resync] is the default resync period of subscribers (zero: never): every period the
 * subscriber gets `Updated(obj, obj)` for each cached object, like client-go's resync.
 */
public class SharedInformer<T : KubeObject>(
    listWatch: ListWatch<T>,
    config: ReflectorConfig = ReflectorConfig(),
    private val transform: ObjectTransform<T> = ObjectTransform.dropManagedFields(),
    private val resync: Duration = Duration.ZERO,
    private val subscriberBuffer: Int = DEFAULT_SUBSCRIBER_BUFFER,
) {
    private val reflector = Reflector(listWatch, config)
    private val store = Store<T>()
    private val mutex = Mutex()
    private val subscribers = ArrayList<Channel<Item<T>>>()
    private val syncedFuture = CompletableFuture<Void?>()
    private val started = AtomicBoolean(false)
    private val handlers = LinkedHashMap<HandlerRegistration, suspend CoroutineScope.() -> Unit>()
    private var runScope: CoroutineScope? = null

    init {
        require(!resync.isNegative()) { "resync must not be negative, was $resync" }
        require(subscriberBuffer > 0) { "subscriberBuffer must be positive, was $subscriberBuffer" }
    }

    /** Listers over the informer's cache (as fresh as the last applied change). */
    public fun lister(): Lister<T> = store.lister()

    /** True once the first list reached the cache. */
    @get:JvmName("hasSynced")
    public val hasSynced: Boolean get() = syncedFuture.isDone

    /** Suspends until the first list reached the cache. */
    @JvmSynthetic
    public suspend fun awaitSynced() {
        syncedFuture.await()
    }

    /** Completes once the first list reached the cache (Java's [awaitSynced]). */
    public fun synced(): CompletableFuture<Void?> = syncedFuture.copy()

    /**
     * Changes for one subscriber: first the cached objects as `Added(inInitialList = true)`, then
     * every change, in order, without gaps or repeats, and every [resync] period `Updated(obj,
     * obj)` for each cached object. Cold: each collection is a new subscriber; cancelling it
     * unsubscribes. The flow runs only while the informer runs.
     */
    @JvmSynthetic
    public fun events(resync: Duration = this.resync): Flow<StoreChange<T>> = subscription(resync) {}

    /**
     * Calls [handler] for every change (the cached objects first, as initial adds) while the
     * informer runs, from the informer's coroutine context; [resync] zero means never.
     * Handlers added before the informer starts begin with its first list.
     */
    @JvmSynthetic
    public fun addHandler(handler: ResourceEventHandler<T>, resync: Duration = this.resync): HandlerRegistration {
        require(!resync.isNegative()) { "resync must not be negative, was $resync" }
        val registration = HandlerRegistration { removed -> synchronized(handlers) { handlers.remove(removed) } }
        val body: suspend CoroutineScope.() -> Unit = {
            subscription(resync) { registration.markSynced() }.collect { dispatch(handler, it) }
        }
        val scope = synchronized(handlers) {
            handlers[registration] = body
            runScope
        }
        scope?.let { registration.attach(it.launch(block = body)) }
        return registration
    }

    /** Java: [addHandler] with the informer's default resync. */
    @JvmName("addHandler")
    public fun addHandlerJava(handler: ResourceEventHandler<T>): HandlerRegistration = addHandler(handler, resync)

    /** Java: [addHandler] with its own resync period ([java.time.Duration.ZERO]: never). */
    @JvmName("addHandler")
    public fun addHandlerJava(handler: ResourceEventHandler<T>, resync: java.time.Duration): HandlerRegistration =
        addHandler(handler, resync.toKotlinDuration())

    /**
     * Runs the informer in the caller's coroutine until cancelled; handlers run as its children.
     *
     * @throws IllegalStateException when the informer was started before (an informer runs once).
     */
    @JvmSynthetic
    public suspend fun run(): Unit = coroutineScope {
        check(started.compareAndSet(false, true)) { "this informer was started already; an informer runs once" }
        try {
            synchronized(handlers) {
                runScope = this
                handlers.forEach { (registration, body) -> registration.attach(launch(block = body)) }
            }
            val queue = DeltaQueue<T>()
            launch { reflector.events().collect { queue.offer(transformed(it)) } }
            while (true) apply(queue.take())
        } finally {
            synchronized(handlers) { runScope = null }
        }
    }

    /** Kotlin: runs the informer as a new coroutine of [scope]; cancel the job (or the scope) to stop it. */
    @JvmSynthetic
    public fun launchIn(scope: CoroutineScope): Job = scope.launch(CoroutineName("informer")) { run() }

    /**
     * Java: runs the informer on `Dispatchers.IO` until the handle is closed. Prefer
     * [start] with the client when there is one, so closing the client stops the informer too.
     *
     * @throws IllegalStateException when the informer was started before.
     */
    public fun start(): InformerHandle =
        startIn(CoroutineScope(SupervisorJob() + Dispatchers.IO + CoroutineName("informer") + LOG_FAILURES))

    /**
     * Java: runs the informer on `Dispatchers.IO` in a scope of [client] until the handle is
     * closed or the client is closed.
     *
     * @throws IllegalStateException when the informer was started before, or [client] is closed.
     */
    @OptIn(InternalKubektApi::class)
    public fun start(client: KubeClient): InformerHandle {
        check(!started.get()) { "this informer was started already; an informer runs once" }
        return startIn(CoroutineScope(client.childScope("informer").coroutineContext + LOG_FAILURES))
    }

    private fun startIn(scope: CoroutineScope): InformerHandle {
        check(!started.get()) { "this informer was started already; an informer runs once" }
        scope.launch { run() }
        return InformerHandle(scope, syncedFuture)
    }

    private suspend fun apply(batch: DeltaBatch<T>) = mutex.withLock {
        val changes = store.apply(batch)
        val first = batch is DeltaBatch.Replace && !syncedFuture.isDone
        deliver(changes.map { Item.Change(it) } + if (first) listOf(Item.Synced) else emptyList())
        if (first) syncedFuture.complete(null)
    }

    private fun subscription(resync: Duration, onSynced: () -> Unit): Flow<StoreChange<T>> = flow {
        val channel = Channel<Item<T>>(subscriberBuffer)
        val (snapshot, syncedNow) = mutex.withLock {
            subscribers += channel
            store.list() to syncedFuture.isDone
        }
        try {
            snapshot.forEach { emit(StoreChange.Added(it, inInitialList = true)) }
            if (syncedNow) onSynced()
            coroutineScope {
                val resyncing = if (resync.isPositive()) launch { resyncEvery(resync, channel) } else null
                for (item in channel) if (item is Item.Change) emit(item.change) else onSynced()
                resyncing?.cancel()
            }
        } finally {
            channel.cancel()
            withContext(NonCancellable) { mutex.withLock { subscribers -= channel } }
        }
    }

    private suspend fun resyncEvery(period: Duration, channel: Channel<Item<T>>) {
        while (true) {
            delay(period)
            mutex.withLock {
                if (store.hasSynced) store.list().forEach { channel.send(Item.Change(StoreChange.Updated(it, it))) }
            }
        }
    }

    private suspend fun deliver(items: List<Item<T>>) {
        if (items.isEmpty()) return
        for (subscriber in subscribers.toList()) {
            try {
                for (item in items) subscriber.send(item)
            } catch (e: CancellationException) {
                currentCoroutineContext().ensureActive() // our own cancellation: stop
                subscribers -= subscriber // the subscriber left while we waited for it
            }
        }
    }

    private fun dispatch(handler: ResourceEventHandler<T>, change: StoreChange<T>) {
        try {
            when (change) {
                is StoreChange.Added -> handler.onAdd(change.obj, change.inInitialList)
                is StoreChange.Updated -> handler.onUpdate(change.old, change.new)
                is StoreChange.Deleted -> handler.onDelete(change.obj, change.finalStateUnknown)
            }
        } catch (e: Exception) {
            log.warn("informer handler {} failed on {}", handler, change, e)
        }
    }

    private fun transformed(event: ReflectorEvent<T>): ReflectorEvent<T> = when (event) {
        is ReflectorEvent.RelistStarted -> event
        is ReflectorEvent.RelistEnded -> ReflectorEvent.RelistEnded(event.objects.map(transform::transform), event.resourceVersion)
        is ReflectorEvent.Added -> ReflectorEvent.Added(transform.transform(event.obj))
        is ReflectorEvent.Modified -> ReflectorEvent.Modified(transform.transform(event.obj))
        is ReflectorEvent.Deleted -> ReflectorEvent.Deleted(transform.transform(event.obj))
    }

    /** What a subscriber's buffer holds: a change, or the mark that the first list was delivered. */
    private sealed class Item<out T> {
        class Change<out T>(val change: StoreChange<T>) : Item<T>()
        object Synced : Item<Nothing>()
    }

    public companion object {
        /** Changes a subscriber may have pending before it holds back the cache. */
        public const val DEFAULT_SUBSCRIBER_BUFFER: Int = 64

        private val log = LoggerFactory.getLogger(SharedInformer::class.java)

        /** Where failures of informers started from Java go (they have no caller to throw to). */
        internal val LOG_FAILURES = CoroutineExceptionHandler { _, e -> log.error("informer stopped: {}", e.message, e) }

        /** Java: an informer over [listWatch] with the default transform and reflector settings and the default [resync] (zero: never). */
        @JvmStatic
        public fun <T : KubeObject> create(listWatch: ListWatch<T>, resync: java.time.Duration): SharedInformer<T> =
            SharedInformer(listWatch, resync = resync.toKotlinDuration())

        /** Java: [create] with a custom [transform] (e.g. [ObjectTransform.keepEverything]). */
        @JvmStatic
        public fun <T : KubeObject> create(listWatch: ListWatch<T>, resync: java.time.Duration, transform: ObjectTransform<T>): SharedInformer<T> =
            SharedInformer(listWatch, transform = transform, resync = resync.toKotlinDuration())
    }
}
