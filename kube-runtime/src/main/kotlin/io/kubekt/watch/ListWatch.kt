package io.kubekt.watch

import io.kubekt.api.KubeList
import io.kubekt.request.ListOptions
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

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
     * Every page of the list described by [options], in order, following continue tokens (a
     * continued page sends no resourceVersion: the token carries the snapshot). Cold: each
     * collect lists anew; a failed page ends the flow with its exception, after the pages before
     * it were emitted. Implementations may fetch the next page while the collector handles the
     * current one (the typed clients do); this default fetches each page when the previous one
     * has been handled.
     */
    @JvmSynthetic
    public fun listPages(options: ListOptions): Flow<KubeList<out T>> = flow {
        var next = options
        while (true) {
            val page = list(next)
            emit(page)
            val token = page.metadata?.`continue`?.takeIf { it.isNotEmpty() } ?: break
            next = continuedPage(options, token)
        }
    }

    /**
     * A cold flow of watch events: each collect opens one HTTP watch with [options]
     * (`watch=true` is added), cancelling the collector closes it. Ends normally when the server
     * ends the stream (timeoutSeconds, a restart); ends with [io.kubekt.error.ApiException] on
     * an `ERROR` event or an error answer.
     */
    @JvmSynthetic
    public fun watch(options: ListOptions): Flow<WatchEvent<T>>

    /**
     * This resource read without `metadata.managedFields`: an implementation that can skip them
     * while decoding (the typed clients do) returns a view whose lists and watch events carry
     * none; this default returns the same ListWatch, whose objects keep them. Informers whose
     * transform drops managedFields anyway read through it.
     */
    public fun withoutManagedFields(): ListWatch<T> = this
}

/** [options] for the page after the one whose continue token is [token]: the token replaces resourceVersion and its match. */
internal fun continuedPage(options: ListOptions, token: String): ListOptions = options.toBuilder().apply {
    continueToken = token
    resourceVersion = null
    resourceVersionMatch = null
}.build()
