package io.kubekt.informer

import io.kubekt.InternalKubektApi
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.KubeModel
import io.kubekt.api.KubeObject
import io.kubekt.api.ResourceType
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.client.KubeClient
import io.kubekt.informer.reflector.ReflectorConfig
import io.kubekt.request.LabelSelector
import io.kubekt.watch.ListWatch
import kotlinx.coroutines.CoroutineName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import java.util.concurrent.CompletableFuture
import kotlin.time.Duration
import kotlin.time.toKotlinDuration

/**
 * Shared informers of one client, one per (resource type, namespace, label selector, field
 * selector) (client-go's SharedInformerFactory): ask for the same one twice and get the same
 * instance; start them together; wait for all their caches.
 *
 * ```kotlin
 * val informers = client.informers(resync = 30.seconds)
 * val deployments = informers.informer<Deployment>()
 * informers.start(this)          // runs until this scope is cancelled
 * informers.awaitSynced()
 * ```
 * ```java
 * SharedInformerFactory informers = SharedInformerFactory.create(client, Duration.ofSeconds(30));
 * SharedInformer<Deployment> deployments = informers.informer(Deployment.class);
 * try (InformerHandle running = informers.start()) { running.synced().join(); ... }
 * ```
 * Metadata only (names, labels, owners; no spec, status or data): `informers.metadataInformer(Secret.RESOURCE)`.
 * Informers asked for after [start] start at once in the same scope. Thread-safe.
 */
public class SharedInformerFactory private constructor(
    private val client: KubeClient,
    /** The resync period of every informer's subscribers (zero: never). */
    public val resync: Duration,
    private val transform: ObjectTransform<*>?,
) {
    private val informers = LinkedHashMap<InformerKey, SharedInformer<*>>()
    private val running = ArrayList<SharedInformer<*>>()
    private var scope: CoroutineScope? = null

    init {
        require(!resync.isNegative()) { "resync must not be negative, was $resync" }
    }

    /**
     * The informer of [modelClass]'s resource in [namespace] (null: all namespaces, or a
     * cluster-scoped resource) whose objects match [labelSelector] and [fieldSelector].
     *
     * @throws IllegalArgumentException when [modelClass] is not a top-level resource's model, or
     *   a namespace is given for a cluster-scoped resource.
     */
    @JvmOverloads
    public fun <T> informer(
        modelClass: Class<T>,
        namespace: String? = null,
        labelSelector: LabelSelector? = null,
        fieldSelector: String? = null,
    ): SharedInformer<T> where T : KubeModel<T, *>, T : KubeObject =
        shared(InformerKey.of(modelClass.name, namespace, labelSelector, fieldSelector)) { key -> create(modelClass, key) }

    /**
     * The metadata-only informer of [resource] (client-go's metadata informer): it caches each
     * object's [PartialObjectMetadata] (names, labels, annotations, owners, resourceVersion; no
     * spec, status or data), for memory-bound cases and for resources without a model class.
     * [namespace] null: all namespaces, or a cluster-scoped resource. Deduplicated apart from the
     * typed informer of the same resource; the factory's transform applies as to typed
     * informers (the default drops managedFields).
     */
    @JvmOverloads
    public fun metadataInformer(
        resource: GroupVersionResource,
        namespace: String? = null,
        labelSelector: LabelSelector? = null,
        fieldSelector: String? = null,
    ): SharedInformer<PartialObjectMetadata> =
        shared(InformerKey.of("metadata $resource", namespace, labelSelector, fieldSelector)) { key ->
            val all = client.metadata(resource)
            val listWatch = if (key.namespace != null) all.namespace(key.namespace) else all.allNamespaces()
            SharedInformer(listWatch, reflectorConfig(key), transformFor(), resync)
        }

    /**
     * The metadata-only informer of a model's [resource], e.g. `metadataInformer(Secret.RESOURCE)`:
     * the same informer as [metadataInformer] with its [GroupVersionResource] (group, version,
     * plural), without spelling it out.
     */
    @JvmOverloads
    public fun metadataInformer(
        resource: ResourceType<*>,
        namespace: String? = null,
        labelSelector: LabelSelector? = null,
        fieldSelector: String? = null,
    ): SharedInformer<PartialObjectMetadata> =
        metadataInformer(GroupVersionResource(resource.group, resource.version, resource.plural), namespace, labelSelector, fieldSelector)

    private fun <T : KubeObject> shared(key: InformerKey, create: (InformerKey) -> SharedInformer<T>): SharedInformer<T> {
        val (informer, startIn) = synchronized(informers) {
            @Suppress("UNCHECKED_CAST")
            val existing = informers[key] as SharedInformer<T>?
            if (existing != null) return existing
            val created = create(key)
            informers[key] = created
            created to scope?.also { running += created }
        }
        startIn?.launch(CoroutineName("informer $key")) { informer.run() }
        return informer
    }

    /** Kotlin: the informer of [T]'s resource, e.g. `informers.informer<Deployment>(namespace = "default")`. */
    @JvmSynthetic
    public inline fun <reified T> informer(
        namespace: String? = null,
        labelSelector: LabelSelector? = null,
        fieldSelector: String? = null,
    ): SharedInformer<T> where T : KubeModel<T, *>, T : KubeObject = informer(T::class.java, namespace, labelSelector, fieldSelector)

    /**
     * Starts every informer not started yet as a child of [scope] (and those asked for later);
     * cancel the scope to stop them, their watches and handlers.
     */
    @JvmSynthetic
    public fun start(scope: CoroutineScope) {
        val toStart = synchronized(informers) {
            this.scope = scope
            informers.values.filter { it !in running }.also { running += it }
        }
        toStart.forEach { informer -> scope.launch(CoroutineName("informer")) { informer.run() } }
    }

    /**
     * Java: starts every informer (and those asked for later) on `Dispatchers.IO` in a scope of
     * the client: [InformerHandle.close] stops them, and so does closing the client. The
     * handle's synced() waits for all informers asked for so far.
     *
     * @throws IllegalStateException when the client is closed.
     */
    @JvmName("start")
    @OptIn(InternalKubektApi::class)
    public fun startJava(): InformerHandle {
        val scope = CoroutineScope(client.childScope("informers").coroutineContext + SharedInformer.LOG_FAILURES)
        start(scope)
        return InformerHandle(scope, syncedOfAll())
    }

    /** Suspends until every informer asked for so far has its first list cached. */
    @JvmSynthetic
    public suspend fun awaitSynced() {
        syncedOfAll().await()
    }

    /** Completes once every informer asked for so far has its first list cached. */
    public fun synced(): CompletableFuture<Void?> = syncedOfAll()

    private fun syncedOfAll(): CompletableFuture<Void?> {
        val all = synchronized(informers) { informers.values.map { it.synced() } }
        return CompletableFuture.allOf(*all.toTypedArray()).thenApply { null }
    }

    private fun <T> create(modelClass: Class<T>, key: InformerKey): SharedInformer<T> where T : KubeModel<T, *>, T : KubeObject {
        val resources = client.resources(modelClass)
        val listWatch: ListWatch<T> = when {
            key.namespace != null -> resources.namespace(key.namespace)
            resources.resource.namespaced -> resources.allNamespaces()
            else -> resources.cluster()
        }
        // The default transform drops managedFields: skip them while decoding instead of after.
        val read = if (transform == null) listWatch.withoutManagedFields() else listWatch
        return SharedInformer<T>(read, reflectorConfig(key), transformFor(), resync)
    }

    @Suppress("UNCHECKED_CAST")
    private fun <T : KubeObject> transformFor(): ObjectTransform<T> = (transform as ObjectTransform<T>?) ?: ObjectTransform.dropManagedFields()

    private fun reflectorConfig(key: InformerKey) = ReflectorConfig(labelSelector = key.labelSelector, fieldSelector = key.fieldSelector)

    /** What makes two informers the same: the resource (a model class, or "metadata" and a GVR), namespace and selectors. */
    private data class InformerKey(val resource: String, val namespace: String?, val labelSelector: String?, val fieldSelector: String?) {
        override fun toString(): String = listOfNotNull(resource, namespace, labelSelector, fieldSelector).joinToString(" ")

        companion object {
            fun of(resource: String, namespace: String?, labelSelector: LabelSelector?, fieldSelector: String?) =
                InformerKey(resource, namespace, labelSelector?.takeUnless { it.isEmpty() }?.toString(), fieldSelector?.ifEmpty { null })
        }
    }

    public companion object {
        /** The informers of [client] whose subscribers resync every [resync] (zero: never); objects are cached without managedFields. */
        @JvmStatic
        public fun create(client: KubeClient, resync: java.time.Duration): SharedInformerFactory =
            SharedInformerFactory(client, resync.toKotlinDuration(), null)

        /** The informers of [client] caching what [transform] returns (e.g. [ObjectTransform.keepEverything]). */
        @JvmStatic
        public fun create(client: KubeClient, resync: java.time.Duration, transform: ObjectTransform<Any>): SharedInformerFactory =
            SharedInformerFactory(client, resync.toKotlinDuration(), transform)

        /** Kotlin: see [KubeClient.informers]. */
        @JvmSynthetic
        internal fun of(client: KubeClient, resync: Duration, transform: ObjectTransform<*>?): SharedInformerFactory =
            SharedInformerFactory(client, resync, transform)
    }
}
