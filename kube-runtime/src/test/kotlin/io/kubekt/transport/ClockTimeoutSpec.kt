package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.error.TransportException
import io.kubekt.testing.FakeClock
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.runBlocking
import java.io.IOException
import kotlin.time.Duration.Companion.seconds

class ClockTimeoutSpec : FunSpec({
    test("fires when the clock passes the timeout and cancels the work") {
        val clock = FakeClock()
        val cancelled = CompletableDeferred<Boolean>()
        runBlocking {
            val call = async {
                runCatching {
                    withClockTimeout(clock, 30.seconds, { "GET /x timed out after 30s" }) {
                        try { awaitCancellation() } finally { cancelled.complete(true) }
                    }
                }
            }
            clock.awaitPendingDelays(1)
            clock.advance(29.seconds)
            call.isCompleted shouldBe false
            clock.advance(1.seconds)
            val e = call.await().exceptionOrNull() as TransportException
            e.isTimeout shouldBe true
            e.message shouldContain "GET /x timed out after 30s"
            cancelled.await() shouldBe true
        }
    }
    test("returns the result and stops the timer when the work finishes first") {
        val clock = FakeClock()
        runBlocking { withClockTimeout(clock, 5.seconds, { "t" }) { 42 } } shouldBe 42
        clock.pendingDelays shouldBe 0
    }
    test("the work's own failure passes through") {
        shouldThrow<IOException> { runBlocking { withClockTimeout(FakeClock(), 5.seconds, { "t" }) { throw IOException("reset") } } }
    }
    test("the timeout wins over what the aborted work throws on the way out") {
        val clock = FakeClock()
        runBlocking {
            val call = async {
                runCatching {
                    withClockTimeout(clock, 1.seconds, { "timed out" }) {
                        try { awaitCancellation() } catch (e: Throwable) { throw IOException("aborted") }
                    }
                }
            }
            clock.awaitPendingDelays(1)
            clock.advance(1.seconds)
            (call.await().exceptionOrNull() as TransportException).isTimeout shouldBe true
        }
    }
})
