package io.kubekt.metadata

import io.kubekt.api.GroupVersionResource
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.api.meta.v1.PartialObjectMetadataList
import io.kubekt.client.KubeClient
import io.kubekt.client.StreamHandle
import io.kubekt.dynamic.DynamicScope
import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchListener
import kotlinx.coroutines.flow.Flow

/**
 * The metadata-only client for one resource ([resource]), client-go's `metadata.Interface`: get,
 * list and watch of any resource, custom resources included, answering only each object's
 * metadata as [PartialObjectMetadata].
 *
 * ```kotlin
 * val names = client.metadata(GroupVersionResource("apps", "v1", "deployments")).namespace("default").list().items
 * ```
 * ```java
 * PartialObjectMetadataList deployments = client.metadata(new GroupVersionResource("apps", "v1", "deployments")).namespace("default").list();
 * ```
 * Why: the server leaves out spec, status and data (`Accept: application/json;as=PartialObjectMetadata;
 * g=meta.k8s.io;v=v1`), so a controller that only needs names, labels or owners of many large
 * objects (Secrets, ConfigMaps) reads and caches a fraction of the bytes; an informer runs on it
 * as on any [ListWatch].
 *
 * Scoping as for the dynamic client: `client.metadata(gvr)` addresses a cluster-scoped
 * resource; a namespaced one needs [namespace], or [allNamespaces] for list and watch — verbs on
 * `client.metadata(gvr)` of a resource known to be namespaced throw [IllegalStateException].
 *
 * Kotlin calls suspend; Java sees the same names blocking and futures under [async]. Errors:
 * [io.kubekt.error.ApiException] for an error answer, and the other
 * [io.kubekt.error.KubeException]s. Immutable and thread-safe.
 */
public class MetadataResource internal constructor(
    private val client: KubeClient,
    /** The resource this client addresses. */
    public val resource: GroupVersionResource,
    private val scope: DynamicScope,
) : ListWatch<PartialObjectMetadata> {
    private val calls = MetadataCalls(client, resource, scope)

    /** The same resource in [namespace]. */
    public fun namespace(namespace: String): MetadataResource = MetadataResource(client, resource, DynamicScope.Namespace(namespace))

    /** The same resource across all namespaces: for list and watch only. */
    public fun allNamespaces(): MetadataResource = MetadataResource(client, resource, DynamicScope.AllNamespaces)

    /** The namespace this client addresses; null for cluster scope and all namespaces. */
    public val namespace: String? get() = (scope as? DynamicScope.Namespace)?.name

    /** The metadata of the object [name]. */
    @JvmSynthetic
    public suspend fun get(name: String): PartialObjectMetadata = calls.get(name)

    /** The metadata of the object [name], or null when it does not exist. */
    @JvmSynthetic
    public suspend fun getOrNull(name: String): PartialObjectMetadata? = calls.getOrNull(name)

    /** One page of the objects' metadata (all of them when [options] sets no limit). */
    @JvmSynthetic
    override suspend fun list(options: ListOptions): PartialObjectMetadataList = calls.list(options)

    /** The metadata of all objects, in one page. */
    @JvmSynthetic
    public suspend fun list(): PartialObjectMetadataList = calls.list(ListOptions.NONE)

    /** A cold flow of watch events carrying metadata only; see [ListWatch.watch]. */
    @JvmSynthetic
    override fun watch(options: ListOptions): Flow<WatchEvent<PartialObjectMetadata>> = calls.watch(options)

    /** A watch from now on (no resourceVersion: the current objects arrive first as ADDED). */
    @JvmSynthetic
    public fun watch(): Flow<WatchEvent<PartialObjectMetadata>> = calls.watch(ListOptions.NONE)

    // Java face: blocking calls under the plain names.

    @JvmName("get")
    public fun getBlocking(name: String): PartialObjectMetadata = blocking { get(name) }

    @JvmName("getOrNull")
    public fun getOrNullBlocking(name: String): PartialObjectMetadata? = blocking { getOrNull(name) }

    @JvmName("list") @JvmOverloads
    public fun listBlocking(options: ListOptions = ListOptions.NONE): PartialObjectMetadataList = blocking { list(options) }

    /** Java: the watch's events delivered to [listener] until the handle is closed, the server ends it, or the client is closed. */
    public fun watch(options: ListOptions, listener: WatchListener<PartialObjectMetadata>): StreamHandle {
        client.checkOpen()
        return client.bridge.collect(calls.watch(options), listener::onEvent, listener::onClose, "metadata watch $resource")
    }

    /** Java: [watch] from now on. */
    public fun watch(listener: WatchListener<PartialObjectMetadata>): StreamHandle = watch(ListOptions.NONE, listener)

    /** Java: the `CompletableFuture` variants of the calls. */
    public fun async(): AsyncMetadataResource = AsyncMetadataResource(this, client)

    private fun <T> blocking(block: suspend () -> T): T = client.bridge.blocking { block() }

    override fun toString(): String = "MetadataResource($resource, $scope)"
}
