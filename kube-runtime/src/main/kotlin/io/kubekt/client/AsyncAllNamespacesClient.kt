package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.request.ListOptions
import java.util.concurrent.CompletableFuture

/** The `CompletableFuture` face of an [AllNamespacesClient], for Java; see [AsyncResourceClient]. */
public class AsyncAllNamespacesClient<T : KubeModel<T, *>, L : KubeList<T>> internal constructor(private val calls: ResourceCalls<T, L>) {
    /** One page of objects from every namespace. */
    @JvmOverloads
    public fun list(options: ListOptions = ListOptions.NONE): CompletableFuture<L> {
        calls.client.checkOpen()
        return calls.client.bridge.future { calls.list(options) }
    }

    override fun toString(): String = "AsyncAllNamespacesClient(${calls.resource})"
}
