package io.kubekt.client

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.flow
import java.io.IOException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** What a Java listener sees when a stream ends: the failure, or null for every kind of close. */
class CoroutineBridgeSpec : FunSpec({
    /** A stream that delivers one element, then waits; closing it makes the "connection" throw, as a shut socket does. */
    fun stream(started: CountDownLatch) = flow {
        emit("first")
        started.countDown()
        try {
            awaitCancellation()
        } finally {
            throw IOException("connection closed")
        }
    }

    test("closing the handle ends the stream with null even when the stream throws as it closes") {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        val started = CountDownLatch(1)
        val closed = CompletableFuture<Throwable?>()
        val seen = mutableListOf<String>()
        val handle = CoroutineBridge(scope).collect(stream(started), { seen += it }, { closed.complete(it) }, "test")
        started.await(5, TimeUnit.SECONDS) shouldBe true
        handle.close()
        closed.get(5, TimeUnit.SECONDS) shouldBe null
        seen shouldBe listOf("first")
        scope.cancel()
    }

    test("closing the client (its scope) ends the stream with null too") {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        val started = CountDownLatch(1)
        val closed = CompletableFuture<Throwable?>()
        CoroutineBridge(scope).collect(stream(started), {}, { closed.complete(it) }, "test")
        started.await(5, TimeUnit.SECONDS) shouldBe true
        scope.cancel()
        closed.get(5, TimeUnit.SECONDS) shouldBe null
    }

    test("a stream that fails on its own reports the failure") {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        val closed = CompletableFuture<Throwable?>()
        CoroutineBridge(scope).collect(flow<String> { throw IOException("reset by peer") }, {}, { closed.complete(it) }, "test")
        closed.get(5, TimeUnit.SECONDS).shouldBeInstanceOf<IOException>().message shouldBe "reset by peer"
        scope.cancel()
    }
})
