package io.kubekt.watch

import io.kubekt.api.KubeList
import io.kubekt.request.ListOptions
import kotlinx.coroutines.flow.Flow

/**
 * What a reflector needs of a resource: one page of a list, and a watch (client-go's
 * ListerWatcher). Typed clients, the dynamic client and the metadata-only client implement it
 * for one namespace, all namespaces, or a cluster-scoped resource.
 */
public interface ListWatch<out T> {
    /** One page of the list described by [options] (limit, continue, resourceVersion, selectors). */
    @JvmSynthetic
    public suspend fun list(options: ListOptions): KubeList<out T>

    /**
     * A cold flow of watch events: each collect opens one HTTP watch with [options]
     * (`watch=true` is added), cancelling the collector closes it. Ends normally when the server
     * ends the stream (timeoutSeconds, a restart); ends with [io.kubekt.error.ApiException] on
     * an `ERROR` event or an error answer.
     */
    @JvmSynthetic
    public fun watch(options: ListOptions): Flow<WatchEvent<T>>
}
