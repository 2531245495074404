package io.kubekt.metadata

import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.api.meta.v1.PartialObjectMetadataList
import io.kubekt.client.KubeClient
import io.kubekt.request.ListOptions
import java.util.concurrent.CompletableFuture

/**
 * The `CompletableFuture` face of a [MetadataResource], for Java: the same calls as its blocking
 * ones, run on the client's coroutines. Cancelling a future cancels its HTTP call; closing the
 * client cancels the future; a failed future holds the kubekt exception.
 */
public class AsyncMetadataResource internal constructor(private val resource: MetadataResource, private val client: KubeClient) {
    public fun get(name: String): CompletableFuture<PartialObjectMetadata> = future { resource.get(name) }

    public fun getOrNull(name: String): CompletableFuture<PartialObjectMetadata?> = future { resource.getOrNull(name) }

    @JvmOverloads
    public fun list(options: ListOptions = ListOptions.NONE): CompletableFuture<PartialObjectMetadataList> = future { resource.list(options) }

    private fun <T> future(block: suspend () -> T): CompletableFuture<T> {
        client.checkOpen()
        return client.bridge.future { block() }
    }
}
