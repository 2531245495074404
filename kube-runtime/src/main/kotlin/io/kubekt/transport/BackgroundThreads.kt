package io.kubekt.transport

/**
 * How many threads a client's long-running background work may use at once: the HTTP engine's
 * I/O, and informers started from Java.
 *
 * Why bounded: that work only waits on the network or decodes, so more threads than cores buy
 * nothing, while an unbounded `Dispatchers.IO` grows to 64 threads when 100 informers list at once
 * (docs/benchmarks.md). The work is dispatched onto `Dispatchers.IO`'s threads, so blocking calls
 * made inside it with `withContext(Dispatchers.IO)` still get threads of their own.
 */
internal object BackgroundThreads {
    val count: Int = maxOf(2, Runtime.getRuntime().availableProcessors())
}
