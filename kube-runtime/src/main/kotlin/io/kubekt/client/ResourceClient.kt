package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.ResourceType
import io.kubekt.api.autoscaling.v1.Scale
import io.kubekt.request.ApplyOptions
import io.kubekt.request.CreateOptions
import io.kubekt.request.DeleteOptions
import io.kubekt.request.GetOptions
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchOptions
import io.kubekt.request.PatchType
import io.kubekt.request.UpdateOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchListener
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.mapNotNull
import kotlinx.serialization.json.JsonElement
import java.util.stream.Stream

/**
 * Typed access to one resource in one namespace, or to a cluster-scoped resource (client-go's
 * typed client, e.g. `PodInterface`): objects are [T], lists [L] (e.g. `PodList`).
 *
 * ```kotlin
 * val pods = client.coreV1().pods("default").list { limit = 50 }
 * client.appsV1().deployments("default").apply(web, fieldManager = "my-tool")
 * ```
 * ```java
 * PodList pods = client.coreV1().pods("default").list(ListOptions.builder().limit(50).build());
 * CompletableFuture<Pod> later = client.coreV1().pods("default").async().get("web");
 * ```
 * Kotlin calls suspend and watches are cold [Flow]s; Java sees the same names blocking, futures
 * under [async], and watches as a [WatchListener] with a [StreamHandle] (docs/decisions/java-face.md).
 * Errors: [io.kubekt.error.ApiException] for an error answer (`isNotFound`, `isConflict`, ...),
 * [io.kubekt.error.TransportException] when there is no answer. Thread-safe and cheap: make one
 * per use. Writes take the name from the object's `metadata.name`; an object without one is an
 * [IllegalArgumentException] (create excepted: `generateName` works there).
 */
public class ResourceClient<T : KubeModel<T, *>, L : KubeList<T>> internal constructor(
    internal val calls: ResourceCalls<T, L>,
) : ListWatch<T> {
    /** The resource this client serves. */
    public val resource: ResourceType<T> get() = calls.resource

    /** The namespace of every request, or null for a cluster-scoped resource. */
    public val namespace: String? get() = calls.namespace

    /** The object named [name]; 404 is an [io.kubekt.error.ApiException] (see [getOrNull]). */
    @JvmSynthetic
    public suspend fun get(name: String, options: GetOptions = GetOptions.NONE): T = calls.get(name, options)

    /** The object named [name], or null when it does not exist. */
    @JvmSynthetic
    public suspend fun getOrNull(name: String, options: GetOptions = GetOptions.NONE): T? = calls.getOrNull(name, options)

    /** One page of objects: set `limit` and pass the previous page's `continue` token for the next. */
    @JvmSynthetic
    override suspend fun list(options: ListOptions): L = calls.list(options)

    /** Every page of the list, each page requested while the previous one is decoded and collected (see [ListWatch.listPages]). */
    @JvmSynthetic
    override fun listPages(options: ListOptions): Flow<L> = calls.listPages(options)

    /** One page of objects, with options built by [block]: `list { limit = 50 }`. */
    @JvmSynthetic
    public suspend fun list(block: ListOptions.Builder.() -> Unit = {}): L = calls.list(ListOptions(block))

    /**
     * Every object, fetched lazily page by page following continue tokens (500 per page unless
     * [options] set a limit). Each collect lists anew. An expired continue token fails the flow
     * with the Expired [io.kubekt.error.ApiException]; see the overload with an [ExpiredListPolicy].
     */
    @JvmSynthetic
    @JvmName("listAllFlow")
    public fun listAll(options: ListOptions = ListOptions.NONE): Flow<T> =
        calls.listAll(options, ExpiredListPolicy.FAIL).mapNotNull { (it as? ListAllElement.Item<T>)?.obj }

    /** Every object as [listAll] does, with markers where [onExpired] recovered from an expired token. */
    @JvmSynthetic
    @JvmName("listAllElementsFlow")
    public fun listAll(options: ListOptions, onExpired: ExpiredListPolicy): Flow<ListAllElement<T>> = calls.listAll(options, onExpired)

    /** Creates [obj]; the server's version of it (name generated, uid, resourceVersion set). */
    @JvmSynthetic
    public suspend fun create(obj: T, options: CreateOptions = CreateOptions.NONE): T = calls.create(obj, options)

    /** Replaces the object named by [obj]; its resourceVersion, when set, must be current (409 Conflict otherwise). */
    @JvmSynthetic
    public suspend fun update(obj: T, options: UpdateOptions = UpdateOptions.NONE): T = calls.update(obj, options)

    /** Replaces the `status` of the object named by [obj] (the status subresource); the rest of [obj] is ignored. */
    @JvmSynthetic
    public suspend fun updateStatus(obj: T, options: UpdateOptions = UpdateOptions.NONE): T = calls.update(obj, options, STATUS)

    /** Patches the object named [name] with a [type] patch given as JSON text. */
    @JvmSynthetic
    public suspend fun patch(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): T =
        calls.patch(name, type, ResourceCalls.text(body), options)

    /** Patches the object named [name] with a [type] patch given as a JSON tree. */
    @JvmSynthetic
    public suspend fun patch(name: String, type: PatchType, body: JsonElement, options: PatchOptions = PatchOptions.NONE): T =
        calls.patch(name, type, ResourceCalls.text(body.toString()), options)

    /** Patches the object named [name] with [body] as a merge or strategic merge patch: what is set in [body] is set. */
    @JvmSynthetic
    public suspend fun patch(name: String, type: PatchType, body: T, options: PatchOptions = PatchOptions.NONE): T =
        calls.patch(name, type, resource.modelType.encode(body), options)

    /** Patches the `status` of the object named [name] with a [type] patch given as JSON text. */
    @JvmSynthetic
    public suspend fun patchStatus(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): T =
        calls.patch(name, type, ResourceCalls.text(body), options, STATUS)

    /**
     * Server-side apply of [obj] as [fieldManager]: the manager comes to own exactly the fields
     * set in [obj] (build a partial object with only what you mean to own). Creates the object
     * when missing. A field another manager owns fails with 409 Conflict unless [force].
     */
    @JvmSynthetic
    public suspend fun apply(obj: T, fieldManager: String, force: Boolean = false, dryRun: Boolean = false): T =
        calls.apply(obj, ApplyOptions(fieldManager, force, dryRun))

    /** Server-side apply of [obj] with [options]. */
    @JvmSynthetic
    public suspend fun apply(obj: T, options: ApplyOptions): T = calls.apply(obj, options)

    /** Server-side apply of the `status` of [obj] with [options]. */
    @JvmSynthetic
    public suspend fun applyStatus(obj: T, options: ApplyOptions): T = calls.apply(obj, options, STATUS)

    /** Deletes the object named [name]: [DeleteResult.Gone], or [DeleteResult.Finalizing] while finalizers or a grace period remain. */
    @JvmSynthetic
    public suspend fun delete(name: String, options: DeleteOptions = DeleteOptions.NONE): DeleteResult<T> = calls.delete(name, options)

    /** Deletes every object [listOptions] select (all of them by default). */
    @JvmSynthetic
    public suspend fun deleteCollection(listOptions: ListOptions = ListOptions.NONE, options: DeleteOptions = DeleteOptions.NONE): Unit =
        calls.deleteCollection(listOptions, options)

    /** A cold flow of typed events; see [ListWatch.watch]. */
    @JvmSynthetic
    override fun watch(options: ListOptions): Flow<WatchEvent<T>> = calls.watch(options)

    /** A cold flow of typed events with options built by [block]: `watch { resourceVersion = rv }`. */
    @JvmSynthetic
    public fun watch(block: ListOptions.Builder.() -> Unit = {}): Flow<WatchEvent<T>> = calls.watch(ListOptions(block))

    /** The `scale` subresource of the object named [name] (autoscaling/v1 Scale). */
    @JvmSynthetic
    public suspend fun getScale(name: String): Scale = calls.getScale(name)

    /** Replaces the `scale` of the object named [name]: typically `spec.replicas`. */
    @JvmSynthetic
    public suspend fun updateScale(name: String, scale: Scale, options: UpdateOptions = UpdateOptions.NONE): Scale =
        calls.updateScale(name, scale, options)

    /** Patches the `scale` of the object named [name], e.g. merge patch `{"spec":{"replicas":3}}`. */
    @JvmSynthetic
    public suspend fun patchScale(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): Scale =
        calls.patchScale(name, type, ResourceCalls.text(body), options)

    // Java: the same calls, blocking on the caller's thread (see docs/decisions/java-face.md).

    @JvmName("get") @JvmOverloads
    public fun getBlocking(name: String, options: GetOptions = GetOptions.NONE): T = blocking { get(name, options) }

    @JvmName("getOrNull") @JvmOverloads
    public fun getOrNullBlocking(name: String, options: GetOptions = GetOptions.NONE): T? = blocking { getOrNull(name, options) }

    @JvmName("list") @JvmOverloads
    public fun listBlocking(options: ListOptions = ListOptions.NONE): L = blocking { list(options) }

    /** Java: every object as a lazy stream; each page is fetched, blocking, when the stream reaches it. */
    @JvmName("listAll") @JvmOverloads
    public fun listAllBlocking(options: ListOptions = ListOptions.NONE): Stream<T> = calls.listAllStream(options)

    /** Java: every object and the markers of [onExpired], as a lazy stream. */
    @JvmName("listAll")
    public fun listAllBlocking(options: ListOptions, onExpired: ExpiredListPolicy): Stream<ListAllElement<T>> =
        calls.listAllElementStream(options, onExpired)

    @JvmName("create") @JvmOverloads
    public fun createBlocking(obj: T, options: CreateOptions = CreateOptions.NONE): T = blocking { create(obj, options) }

    @JvmName("update") @JvmOverloads
    public fun updateBlocking(obj: T, options: UpdateOptions = UpdateOptions.NONE): T = blocking { update(obj, options) }

    @JvmName("updateStatus") @JvmOverloads
    public fun updateStatusBlocking(obj: T, options: UpdateOptions = UpdateOptions.NONE): T = blocking { updateStatus(obj, options) }

    @JvmName("patch") @JvmOverloads
    public fun patchBlocking(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): T =
        blocking { patch(name, type, body, options) }

    @JvmName("patch") @JvmOverloads
    public fun patchBlocking(name: String, type: PatchType, body: JsonElement, options: PatchOptions = PatchOptions.NONE): T =
        blocking { patch(name, type, body, options) }

    @JvmName("patch") @JvmOverloads
    public fun patchBlocking(name: String, type: PatchType, body: T, options: PatchOptions = PatchOptions.NONE): T =
        blocking { patch(name, type, body, options) }

    @JvmName("patchStatus") @JvmOverloads
    public fun patchStatusBlocking(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): T =
        blocking { patchStatus(name, type, body, options) }

    @JvmName("apply")
    public fun applyBlocking(obj: T, options: ApplyOptions): T = blocking { apply(obj, options) }

    @JvmName("applyStatus")
    public fun applyStatusBlocking(obj: T, options: ApplyOptions): T = blocking { applyStatus(obj, options) }

    @JvmName("delete") @JvmOverloads
    public fun deleteBlocking(name: String, options: DeleteOptions = DeleteOptions.NONE): DeleteResult<T> = blocking { delete(name, options) }

    @JvmName("deleteCollection") @JvmOverloads
    public fun deleteCollectionBlocking(listOptions: ListOptions = ListOptions.NONE, options: DeleteOptions = DeleteOptions.NONE): Unit =
        blocking { deleteCollection(listOptions, options) }

    @JvmName("getScale")
    public fun getScaleBlocking(name: String): Scale = blocking { getScale(name) }

    @JvmName("updateScale") @JvmOverloads
    public fun updateScaleBlocking(name: String, scale: Scale, options: UpdateOptions = UpdateOptions.NONE): Scale =
        blocking { updateScale(name, scale, options) }

    @JvmName("patchScale") @JvmOverloads
    public fun patchScaleBlocking(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): Scale =
        blocking { patchScale(name, type, body, options) }

    /** Java: the watch's events delivered to [listener] until the handle is closed, the server ends it, or the client is closed. */
    public fun watch(options: ListOptions, listener: WatchListener<T>): StreamHandle = calls.watchTo(options, listener)

    /** Java: [watch] with no options. */
    public fun watch(listener: WatchListener<T>): StreamHandle = calls.watchTo(ListOptions.NONE, listener)

    /** Java: the `CompletableFuture` variants of these calls. */
    public fun async(): AsyncResourceClient<T, L> = AsyncResourceClient(this)

    /**
     * This client reading lists and watch events without `metadata.managedFields`: they are
     * skipped while decoding (nothing of them is allocated), for programs that never read them.
     * Single-object reads and writes are unaffected.
     */
    override fun withoutManagedFields(): ResourceClient<T, L> = ResourceClient(calls.withoutManagedFields())

    private fun <R> blocking(block: suspend () -> R): R = calls.client.bridge.blocking { block() }

    override fun toString(): String = "ResourceClient($calls)"

    private companion object {
        const val STATUS = "status"
    }
}
