package io.kubekt.client

import io.kubekt.watch.WatchEvent

/**
 * Receives the events of a watch started from Java (`watch(options, listener)`). Calls come one
 * at a time, in order, on a kubekt thread; a slow listener slows the stream (nothing is buffered
 * without bound).
 */
public fun interface WatchListener<T> {
    /** One event. If this throws, the watch stops with that error. */
    public fun onEvent(event: @JvmSuppressWildcards WatchEvent<T>)

    /**
     * The watch ended: [error] is null when the server ended it or it was closed, else what
     * failed it (an [io.kubekt.error.ApiException] for an `ERROR` event). Called once, last.
     */
    public fun onClose(error: Throwable?) {}
}
