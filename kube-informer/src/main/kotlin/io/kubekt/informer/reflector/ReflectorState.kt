package io.kubekt.informer.reflector

import io.kubekt.informer.ObjectKey

/**
 * Where a reflector is. [failures] counts consecutive failures (reset by a watch event or
 * bookmark); [useWatchList] turns false for good once the server refused a WatchList.
 */
internal sealed class ReflectorState<out T> {
    abstract val failures: Int
    abstract val useWatchList: Boolean

    /** Fetching pages of a list; [items] holds the pages so far, [continueToken] the next. */
    data class Listing<out T>(
        val reason: RelistReason,
        val items: kotlin.collections.List<T>,
        val continueToken: String?,
        override val failures: Int,
        override val useWatchList: Boolean,
    ) : ReflectorState<T>()

    /** Reading a WatchList's initial events until the bookmark that ends them. */
    data class WatchListing<out T>(
        val reason: RelistReason,
        val items: Map<ObjectKey, T>,
        val resourceVersion: String?,
        override val failures: Int,
    ) : ReflectorState<T>() {
        override val useWatchList: Boolean get() = true
    }

    /** Watching from [resourceVersion] (the last seen); [progressed] once the current watch delivered anything. */
    data class Watching(
        val resourceVersion: String,
        val progressed: Boolean,
        override val failures: Int,
        override val useWatchList: Boolean,
    ) : ReflectorState<Nothing>()
}
