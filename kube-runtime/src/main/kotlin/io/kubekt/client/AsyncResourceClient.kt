package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.autoscaling.v1.Scale
import io.kubekt.request.ApplyOptions
import io.kubekt.request.CreateOptions
import io.kubekt.request.DeleteOptions
import io.kubekt.request.GetOptions
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchOptions
import io.kubekt.request.PatchType
import io.kubekt.request.UpdateOptions
import kotlinx.serialization.json.JsonElement
import java.util.concurrent.CompletableFuture

/**
 * The `CompletableFuture` face of a [ResourceClient], for Java: the same calls as its blocking
 * ones. Each runs on the client's coroutines; cancelling the future cancels the HTTP call, and
 * closing the client cancels the future. A failed future holds the kubekt exception itself.
 */
public class AsyncResourceClient<T : KubeModel<T, *>, L : KubeList<T>> internal constructor(private val typed: ResourceClient<T, L>) {
    @JvmOverloads
    public fun get(name: String, options: GetOptions = GetOptions.NONE): CompletableFuture<T> = future { typed.get(name, options) }

    @JvmOverloads
    public fun getOrNull(name: String, options: GetOptions = GetOptions.NONE): CompletableFuture<T?> = future { typed.getOrNull(name, options) }

    @JvmOverloads
    public fun list(options: ListOptions = ListOptions.NONE): CompletableFuture<L> = future { typed.list(options) }

    @JvmOverloads
    public fun create(obj: T, options: CreateOptions = CreateOptions.NONE): CompletableFuture<T> = future { typed.create(obj, options) }

    @JvmOverloads
    public fun update(obj: T, options: UpdateOptions = UpdateOptions.NONE): CompletableFuture<T> = future { typed.update(obj, options) }

    @JvmOverloads
    public fun updateStatus(obj: T, options: UpdateOptions = UpdateOptions.NONE): CompletableFuture<T> =
        future { typed.updateStatus(obj, options) }

    @JvmOverloads
    public fun patch(name: String, type: PatchType, body: String, options: PatchOptions = PatchOptions.NONE): CompletableFuture<T> =
        future { typed.patch(name, type, body, options) }

    @JvmOverloads
    public fun patch(name: String, type: PatchType, body: JsonElement, options: PatchOptions = PatchOptions.NONE): CompletableFuture<T> =
        future { typed.patch(name, type, body, options) }

    @JvmOverloads
    public fun patch(name: String, type: PatchType, body: T, options: PatchOptions = PatchOptions.NONE): CompletableFuture<T> =
        future { typed.patch(name, type, body, options) }

    public fun apply(obj: T, options: ApplyOptions): CompletableFuture<T> = future { typed.apply(obj, options) }

    @JvmOverloads
    public fun delete(name: String, options: DeleteOptions = DeleteOptions.NONE): CompletableFuture<DeleteResult<T>> =
        future { typed.delete(name, options) }

    @JvmOverloads
    public fun deleteCollection(listOptions: ListOptions = ListOptions.NONE, options: DeleteOptions = DeleteOptions.NONE): CompletableFuture<Unit> =
        future { typed.deleteCollection(listOptions, options) }

    public fun getScale(name: String): CompletableFuture<Scale> = future { typed.getScale(name) }

    @JvmOverloads
    public fun updateScale(name: String, scale: Scale, options: UpdateOptions = UpdateOptions.NONE): CompletableFuture<Scale> =
        future { typed.updateScale(name, scale, options) }

    private fun <R> future(block: suspend () -> R): CompletableFuture<R> {
        typed.calls.client.checkOpen()
        return typed.calls.client.bridge.future { block() }
    }

    override fun toString(): String = "AsyncResourceClient(${typed.calls})"
}
