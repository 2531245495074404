package io.kubekt.dynamic

import io.kubekt.client.KubeClient
import io.kubekt.client.DeleteResult
import io.kubekt.request.DeleteOptions
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.QueryOptions
import java.util.concurrent.CompletableFuture

/**
 * The `CompletableFuture` face of a [DynamicResource], for Java: the same calls as its blocking
 * ones, run on the client's coroutines. Cancelling a future cancels its HTTP call; closing the
 * client cancels the future; a failed future holds the kubekt exception.
 */
public class AsyncDynamicResource internal constructor(private val resource: DynamicResource, private val client: KubeClient) {
    @JvmOverloads
    public fun get(name: String, subresource: String? = null): CompletableFuture<Unstructured> = future { resource.get(name, subresource) }

    public fun getOrNull(name: String): CompletableFuture<Unstructured?> = future { resource.getOrNull(name) }

    @JvmOverloads
    public fun list(options: ListOptions = ListOptions.NONE): CompletableFuture<UnstructuredList> = future { resource.list(options) }

    @JvmOverloads
    public fun create(obj: Unstructured, options: QueryOptions? = null): CompletableFuture<Unstructured> =
        future { resource.create(obj, options) }

    @JvmOverloads
    public fun update(obj: Unstructured, options: QueryOptions? = null): CompletableFuture<Unstructured> =
        future { resource.update(obj, options) }

    @JvmOverloads
    public fun updateStatus(obj: Unstructured, options: QueryOptions? = null): CompletableFuture<Unstructured> =
        future { resource.updateStatus(obj, options) }

    @JvmOverloads
    public fun patch(
        name: String,
        type: PatchType,
        patch: String,
        options: QueryOptions? = null,
        subresource: String? = null,
    ): CompletableFuture<Unstructured> = future { resource.patch(name, type, patch, options, subresource) }

    @JvmOverloads
    public fun apply(obj: Unstructured, fieldManager: String, force: Boolean = false): CompletableFuture<Unstructured> =
        future { resource.apply(obj, fieldManager, force) }

    @JvmOverloads
    public fun delete(name: String, options: DeleteOptions = DeleteOptions.NONE): CompletableFuture<DeleteResult<Unstructured>> =
        future { resource.delete(name, options) }

    @JvmOverloads
    public fun deleteCollection(listOptions: ListOptions = ListOptions.NONE, options: DeleteOptions = DeleteOptions.NONE): CompletableFuture<Void?> =
        future { resource.deleteCollection(listOptions, options); null }

    private fun <T> future(block: suspend () -> T): CompletableFuture<T> {
        client.checkOpen()
        return client.bridge.future { block() }
    }
}
