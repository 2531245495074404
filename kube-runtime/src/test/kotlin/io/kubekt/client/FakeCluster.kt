package io.kubekt.client

import io.kubekt.config.ClientConfig
import io.kubekt.config.ConfigOverrides
import io.kubekt.request.KubeRequest
import kotlinx.coroutines.flow.flowOf
import java.util.concurrent.CountDownLatch

/**
 * A [KubeClient] over a [FakeExecutor], usable from Java tests (the executor and the client's
 * internal constructor are not).
 */
class FakeCluster internal constructor(internal val executor: FakeExecutor) : AutoCloseable {
    val client: KubeClient = KubeClient(CONFIG, executor)

    constructor() : this(FakeExecutor())

    fun lastRequest(): KubeRequest = executor.lastRequest()

    fun requestCount(): Int = executor.requests.size

    fun executorClosed(): Boolean = executor.closed.get()

    /** Waits until a call reached the executor. */
    fun awaitCallStarted(): Boolean = executor.callStarted.await(5, java.util.concurrent.TimeUnit.SECONDS)

    /** Waits until a hanging call was cancelled. */
    fun awaitCallCancelled(): Boolean = executor.callCancelled.await(5, java.util.concurrent.TimeUnit.SECONDS)

    override fun close() = client.close()

    companion object {
        const val SERVER = "https://10.0.0.1:6443"
        val CONFIG: ClientConfig = ClientConfig { server = SERVER; namespace = "team-a" }

        /** Every call answers 200 with [body]. */
        @JvmStatic
        fun answering(body: String): FakeCluster = FakeCluster(FakeExecutor(respond = { FakeExecutor.ok(body) }))

        /** Every call hangs until cancelled. */
        @JvmStatic
        fun hanging(): FakeCluster = FakeCluster(FakeExecutor(respond = FakeExecutor.hang))

        /** Streams emit [lines] and end. */
        @JvmStatic
        fun streaming(vararg lines: String): FakeCluster = FakeCluster(FakeExecutor(lines = { flowOf(*lines) }))

        /** Streams emit [lines] and stay open; [closed] counts down when a stream is closed. */
        @JvmStatic
        fun streamingOpen(closed: CountDownLatch, vararg lines: String): FakeCluster =
            FakeCluster(FakeExecutor(lines = { FakeExecutor.openStream(lines.toList(), closed) }))

        /**
         * Builds [builder] with a loader that records the overrides it is given into [seen] and
         * resolves to [CONFIG]; the client runs over a fresh [FakeExecutor].
         */
        @JvmStatic
        fun build(builder: KubeClientBuilder, seen: MutableList<ConfigOverrides>): KubeClient =
            KubeClient(builder.resolve { seen += it; CONFIG }, FakeExecutor())
    }
}
