package io.kubekt.client

/**
 * Receives the lines of a streamed response (a watch, a followed log) from Java; see
 * [RestRequest.stream]. Calls come one at a time, in order, on a kubekt thread; a slow listener
 * slows the stream down (nothing is buffered without bound).
 */
public fun interface LineListener {
    /** One newline-delimited line, without the newline. If this throws, the stream stops with that error. */
    public fun onLine(line: String)

    /**
     * The stream ended: [error] is null when the server ended it or it was closed
     * ([StreamHandle.close], [KubeClient.close]), else what failed it. Called once, last.
     */
    public fun onClose(error: Throwable?) {}
}
