package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.ResourceType
import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchListener
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.mapNotNull
import java.util.stream.Stream

/**
 * Reads of a namespaced resource across all namespaces: list, listAll and watch only (writes
 * need a namespace: use [Resources.namespace]). Reached only by an explicit call such as
 * `client.coreV1().pods().allNamespaces()` or `client.resources<Pod>().allNamespaces()`, never by
 * an empty namespace. Faces and errors as in [ResourceClient].
 */
public class AllNamespacesClient<T : KubeModel<T, *>, L : KubeList<T>> internal constructor(
    private val calls: ResourceCalls<T, L>,
) : ListWatch<T> {
    /** The resource this client serves. */
    public val resource: ResourceType<T> get() = calls.resource

    /** One page of objects from every namespace. */
    @JvmSynthetic
    override suspend fun list(options: ListOptions): L = calls.list(options)

    /** Every page of the list, each page requested while the previous one is decoded and collected (see [ListWatch.listPages]). */
    @JvmSynthetic
    override fun listPages(options: ListOptions): Flow<L> = calls.listPages(options)

    /** One page of objects from every namespace, with options built by [block]. */
    @JvmSynthetic
    public suspend fun list(block: ListOptions.Builder.() -> Unit = {}): L = calls.list(ListOptions(block))

    /** Every object in every namespace, page by page; see [ResourceClient.listAll]. */
    @JvmSynthetic
    @JvmName("listAllFlow")
    public fun listAll(options: ListOptions = ListOptions.NONE): Flow<T> =
        calls.listAll(options, ExpiredListPolicy.FAIL).mapNotNull { (it as? ListAllElement.Item<T>)?.obj }

    /** Every object as [listAll] does, with markers where [onExpired] recovered from an expired token. */
    @JvmSynthetic
    @JvmName("listAllElementsFlow")
    public fun listAll(options: ListOptions, onExpired: ExpiredListPolicy): Flow<ListAllElement<T>> = calls.listAll(options, onExpired)

    /** A cold flow of typed events from every namespace; see [ListWatch.watch]. */
    @JvmSynthetic
    override fun watch(options: ListOptions): Flow<WatchEvent<T>> = calls.watch(options)

    /** A cold flow of typed events from every namespace, with options built by [block]. */
    @JvmSynthetic
    public fun watch(block: ListOptions.Builder.() -> Unit = {}): Flow<WatchEvent<T>> = calls.watch(ListOptions(block))

    @JvmName("list") @JvmOverloads
    public fun listBlocking(options: ListOptions = ListOptions.NONE): L = calls.client.bridge.blocking { calls.list(options) }

    /** Java: every object as a lazy stream; each page is fetched, blocking, when the stream reaches it. */
    @JvmName("listAll") @JvmOverloads
    public fun listAllBlocking(options: ListOptions = ListOptions.NONE): Stream<T> = calls.listAllStream(options)

    /** Java: every object and the markers of [onExpired], as a lazy stream. */
    @JvmName("listAll")
    public fun listAllBlocking(options: ListOptions, onExpired: ExpiredListPolicy): Stream<ListAllElement<T>> =
        calls.listAllElementStream(options, onExpired)

    /** Java: the `CompletableFuture` variant of [list]. */
    public fun async(): AsyncAllNamespacesClient<T, L> = AsyncAllNamespacesClient(calls)

    /**
     * This client reading lists and watch events without `metadata.managedFields`: they are
     * skipped while decoding (nothing of them is allocated), for programs that never read them.
     * Writes are unaffected.
     */
    override fun withoutManagedFields(): AllNamespacesClient<T, L> = AllNamespacesClient(calls.withoutManagedFields())

    /** Java: the watch's events delivered to [listener] until the handle is closed. */
    public fun watch(options: ListOptions, listener: WatchListener<T>): StreamHandle = calls.watchTo(options, listener)

    /** Java: [watch] with no options. */
    public fun watch(listener: WatchListener<T>): StreamHandle = calls.watchTo(ListOptions.NONE, listener)

    override fun toString(): String = "AllNamespacesClient(${calls.resource})"
}
