package io.kubekt.client

import io.kubekt.request.KubeRequest
import io.kubekt.transport.KubeResponse
import io.kubekt.transport.RequestExecutor
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emptyFlow
import kotlinx.coroutines.flow.flow
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicBoolean

/**
 * A [RequestExecutor] for tests: records requests, answers with [respond] and streams with
 * [lines]; records whether calls and streams were cancelled or closed.
 */
internal class FakeExecutor(
    var respond: suspend (KubeRequest) -> KubeResponse = { ok("{}") },
    var lines: (KubeRequest) -> Flow<String> = { emptyFlow() },
) : RequestExecutor {
    val requests = CopyOnWriteArrayList<KubeRequest>()
    val closed = AtomicBoolean(false)
    val callStarted = CountDownLatch(1)
    val callCancelled = CountDownLatch(1)

    override suspend fun execute(request: KubeRequest): KubeResponse {
        requests += request
        callStarted.countDown()
        try {
            return respond(request)
        } catch (e: CancellationException) {
            callCancelled.countDown()
            throw e
        }
    }

    override fun streamLines(request: KubeRequest): Flow<String> {
        requests += request
        return lines(request)
    }

    override fun close() {
        closed.set(true)
    }

    fun lastRequest(): KubeRequest = requests.last()

    companion object {
        fun ok(body: String, contentType: String = "application/json"): KubeResponse =
            KubeResponse(200, mapOf("content-type" to listOf(contentType)), body.toByteArray())

        /** A call that never answers; cancelling it counts down [callCancelled]. */
        val hang: suspend (KubeRequest) -> KubeResponse = { awaitCancellation() }

        /** A stream that emits [first] and then stays open until cancelled; [closedLatch] counts its closing. */
        fun openStream(first: List<String>, closedLatch: CountDownLatch): Flow<String> = flow {
            try {
                first.forEach { emit(it) }
                awaitCancellation()
            } finally {
                closedLatch.countDown()
            }
        }
    }
}
