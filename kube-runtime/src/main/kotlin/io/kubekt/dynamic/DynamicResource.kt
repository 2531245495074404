package io.kubekt.dynamic

import io.kubekt.api.GroupVersionResource
import io.kubekt.client.KubeClient
import io.kubekt.client.StreamHandle
import io.kubekt.client.DeleteResult
import io.kubekt.request.DeleteOptions
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.QueryOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchListener
import kotlinx.coroutines.flow.Flow
import kotlinx.serialization.json.JsonElement

/**
 * The dynamic client for one resource ([resource]) over [Unstructured] objects (client-go's
 * `dynamic.Interface`): every verb for any resource the server serves, custom resources included.
 *
 * ```kotlin
 * val pods = client.dynamic(GroupVersionResource("", "v1", "pods")).namespace("kube-system").list()
 * val typed: PodList = pods.to<PodList>()
 * ```
 * ```java
 * UnstructuredList pods = client.dynamic(new GroupVersionResource("", "v1", "pods")).namespace("kube-system").list();
 * ```
 * `client.dynamic(gvr)` addresses a cluster-scoped resource; a namespaced one needs
 * [namespace], or [allNamespaces] for a list or watch across all of them — never by accident:
 * verbs on `client.dynamic(gvr)` of a resource known to be namespaced (a built-in, or one
 * discovery reports) throw [IllegalStateException].
 *
 * Kotlin calls suspend; Java sees the same names blocking and futures under [async] (see
 * docs/decisions/java-face.md). Errors: [io.kubekt.error.ApiException] for an error answer
 * (`isNotFound`, `isConflict`, ...), and the other [io.kubekt.error.KubeException]s. Immutable
 * and thread-safe.
 */
public class DynamicResource internal constructor(
    private val client: KubeClient,
    /** The resource this client addresses. */
    public val resource: GroupVersionResource,
    private val scope: DynamicScope,
) : ListWatch<Unstructured> {
    private val calls = DynamicCalls(client, resource, scope)

    /** The same resource in [namespace]. */
    public fun namespace(namespace: String): DynamicResource = DynamicResource(client, resource, DynamicScope.Namespace(namespace))

    /** The same resource across all namespaces: for list and watch only. */
    public fun allNamespaces(): DynamicResource = DynamicResource(client, resource, DynamicScope.AllNamespaces)

    /** The namespace this client addresses; null for cluster scope and all namespaces. */
    public val namespace: String? get() = (scope as? DynamicScope.Namespace)?.name

    /** The object [name] (or its [subresource], e.g. `status`). */
    @JvmSynthetic
    public suspend fun get(name: String, subresource: String? = null): Unstructured = calls.get(name, subresource)

    /** The object [name], or null when it does not exist. */
    @JvmSynthetic
    public suspend fun getOrNull(name: String): Unstructured? = calls.getOrNull(name)

    /** One page of objects (all of them when [options] sets no limit). */
    @JvmSynthetic
    override suspend fun list(options: ListOptions): UnstructuredList = calls.list(options)

    /** All objects, in one page. */
    @JvmSynthetic
    public suspend fun list(): UnstructuredList = calls.list(ListOptions.NONE)

    /** Creates [obj]; the answer is the object as stored. [options]: e.g. `dryRun`, `fieldManager`. */
    @JvmSynthetic
    public suspend fun create(obj: Unstructured, options: QueryOptions? = null): Unstructured = calls.create(obj, options)

    /** Replaces [obj] (its `metadata.resourceVersion`, when set, is the optimistic-concurrency precondition). */
    @JvmSynthetic
    public suspend fun update(obj: Unstructured, options: QueryOptions? = null): Unstructured = calls.update(obj, null, options)

    /** Replaces the `status` of [obj]: the status subresource, which ignores changes outside `status`. */
    @JvmSynthetic
    public suspend fun updateStatus(obj: Unstructured, options: QueryOptions? = null): Unstructured =
        calls.update(obj, "status", options)

    /** Replaces [subresource] (e.g. `scale`) of the object [obj] names with [obj]. */
    @JvmSynthetic
    public suspend fun updateSubresource(subresource: String, obj: Unstructured, options: QueryOptions? = null): Unstructured =
        calls.update(obj, subresource, options)

    /** Patches the object [name] (or its [subresource]) with [patch] of [type]; [PatchType.APPLY] needs a fieldManager in [options]. */
    @JvmSynthetic
    public suspend fun patch(
        name: String,
        type: PatchType,
        patch: String,
        options: QueryOptions? = null,
        subresource: String? = null,
    ): Unstructured = calls.patch(name, type, patch, options, subresource)

    /** [patch] with a JSON tree. */
    @JvmSynthetic
    public suspend fun patch(
        name: String,
        type: PatchType,
        patch: JsonElement,
        options: QueryOptions? = null,
        subresource: String? = null,
    ): Unstructured = calls.patch(name, type, patch.toString(), options, subresource)

    /**
     * Server-side apply of [obj] (which names the object) as [fieldManager]; [force] takes over
     * fields other managers own instead of failing with a conflict.
     */
    @JvmSynthetic
    public suspend fun apply(obj: Unstructured, fieldManager: String, force: Boolean = false): Unstructured =
        calls.apply(obj, fieldManager, force)

    /**
     * Deletes the object [name] with [options] (propagationPolicy, preconditions,
     * gracePeriodSeconds, dryRun). Returns the object while finalizers still hold it (its
     * deletionTimestamp set), or null once it is gone.
     */
    @JvmSynthetic
    public suspend fun delete(name: String, options: DeleteOptions = DeleteOptions.NONE): DeleteResult<Unstructured> = calls.delete(name, options)

    /** Deletes the objects [listOptions] selects (all, by default). */
    @JvmSynthetic
    public suspend fun deleteCollection(listOptions: ListOptions = ListOptions.NONE, options: DeleteOptions = DeleteOptions.NONE): Unit =
        calls.deleteCollection(listOptions, options)

    /** A cold flow of watch events; see [ListWatch.watch]. */
    @JvmSynthetic
    override fun watch(options: ListOptions): Flow<WatchEvent<Unstructured>> = calls.watch(options)

    /** A watch from now on (no resourceVersion: the current objects arrive first as ADDED). */
    @JvmSynthetic
    public fun watch(): Flow<WatchEvent<Unstructured>> = calls.watch(ListOptions.NONE)

    // Java face: blocking calls under the plain names.

    @JvmName("get") @JvmOverloads
    public fun getBlocking(name: String, subresource: String? = null): Unstructured = blocking { get(name, subresource) }

    @JvmName("getOrNull")
    public fun getOrNullBlocking(name: String): Unstructured? = blocking { getOrNull(name) }

    @JvmName("list") @JvmOverloads
    public fun listBlocking(options: ListOptions = ListOptions.NONE): UnstructuredList = blocking { list(options) }

    @JvmName("create") @JvmOverloads
    public fun createBlocking(obj: Unstructured, options: QueryOptions? = null): Unstructured = blocking { create(obj, options) }

    @JvmName("update") @JvmOverloads
    public fun updateBlocking(obj: Unstructured, options: QueryOptions? = null): Unstructured = blocking { update(obj, options) }

    @JvmName("updateStatus") @JvmOverloads
    public fun updateStatusBlocking(obj: Unstructured, options: QueryOptions? = null): Unstructured =
        blocking { updateStatus(obj, options) }

    @JvmName("updateSubresource") @JvmOverloads
    public fun updateSubresourceBlocking(subresource: String, obj: Unstructured, options: QueryOptions? = null): Unstructured =
        blocking { updateSubresource(subresource, obj, options) }

    @JvmName("patch") @JvmOverloads
    public fun patchBlocking(name: String, type: PatchType, patch: String, options: QueryOptions? = null, subresource: String? = null): Unstructured =
        blocking { patch(name, type, patch, options, subresource) }

    @JvmName("apply") @JvmOverloads
    public fun applyBlocking(obj: Unstructured, fieldManager: String, force: Boolean = false): Unstructured =
        blocking { apply(obj, fieldManager, force) }

    @JvmName("delete") @JvmOverloads
    public fun deleteBlocking(name: String, options: DeleteOptions = DeleteOptions.NONE): DeleteResult<Unstructured> = blocking { delete(name, options) }

    @JvmName("deleteCollection") @JvmOverloads
    public fun deleteCollectionBlocking(listOptions: ListOptions = ListOptions.NONE, options: DeleteOptions = DeleteOptions.NONE): Unit =
        blocking { deleteCollection(listOptions, options) }

    /** Java: the watch's events delivered to [listener] until the handle is closed, the server ends it, or the client is closed. */
    public fun watch(options: ListOptions, listener: WatchListener<Unstructured>): StreamHandle {
        client.checkOpen()
        return client.bridge.collect(calls.watch(options), listener::onEvent, listener::onClose, "watch $resource")
    }

    /** Java: [watch] from now on. */
    public fun watch(listener: WatchListener<Unstructured>): StreamHandle = watch(ListOptions.NONE, listener)

    /** Java: the `CompletableFuture` variants of the calls. */
    public fun async(): AsyncDynamicResource = AsyncDynamicResource(this, client)

    private fun <T> blocking(block: suspend () -> T): T = client.bridge.blocking { block() }

    override fun toString(): String = "DynamicResource($resource, $scope)"
}
