package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import java.io.IOException
import java.util.Collections
import kotlin.time.Duration.Companion.seconds

class ConnectionGateSpec : FunSpec({
    test("while no response has arrived yet, concurrent requests wait until the first one has its response headers") {
        runTest {
            val gate = ConnectionGate(maxWait = 5.seconds)
            val sent = Collections.synchronizedList(ArrayList<String>())
            val firstHeaders = CompletableDeferred<Unit>()
            val first = launch {
                gate.pass { onResponse ->
                    sent += "first"
                    firstHeaders.await()
                    onResponse()
                    sent += "first body"
                }
            }
            runCurrent()
            val others = (1..3).map { i -> launch { gate.pass { onResponse -> sent += "other $i"; onResponse() } } }
            runCurrent()
            sent shouldContainExactly listOf("first")
            firstHeaders.complete(Unit)
            first.join(); others.forEach { it.join() }
            sent.toSet() shouldBe setOf("first", "first body", "other 1", "other 2", "other 3")
        }
    }

    test("after a response, requests no longer wait for each other") {
        runTest {
            val gate = ConnectionGate(maxWait = 5.seconds)
            gate.pass { onResponse -> onResponse() }
            val never = CompletableDeferred<Unit>()
            val longRunning = launch { gate.pass { onResponse -> onResponse(); never.await() } }
            runCurrent()
            var passed = false
            gate.pass { onResponse -> onResponse(); passed = true }
            passed shouldBe true
            longRunning.cancel()
        }
    }

    test("a failed request closes the gate again, and a failed first request lets the next one go first") {
        runTest {
            val gate = ConnectionGate(maxWait = 5.seconds)
            gate.pass { onResponse -> onResponse() }
            shouldThrow<IOException> { gate.pass<Unit> { throw IOException("the connection broke (GOAWAY received)") } }
            val hold = CompletableDeferred<Unit>()
            val sent = Collections.synchronizedList(ArrayList<String>())
            val probe = launch { gate.pass { onResponse -> sent += "probe"; hold.await(); onResponse() } }
            runCurrent()
            val waiter = launch { gate.pass { onResponse -> sent += "waiter"; onResponse() } }
            runCurrent()
            sent shouldContainExactly listOf("probe") // the gate closed again after the failure
            probe.cancel() // the probe ends without a response: the waiter goes next, as the new probe
            runCurrent()
            waiter.join()
            sent shouldContainExactly listOf("probe", "waiter")
        }
    }

    test("a request waits for a slow first response at most maxWait") {
        runTest {
            val gate = ConnectionGate(maxWait = 5.seconds)
            val never = CompletableDeferred<Unit>()
            val slow = launch { gate.pass { never.await() } }
            runCurrent()
            var passed = false
            val waiter = launch { gate.pass { onResponse -> onResponse(); passed = true } }
            advanceTimeBy(4.seconds)
            runCurrent()
            passed shouldBe false
            advanceTimeBy(2.seconds)
            runCurrent()
            passed shouldBe true
            waiter.join()
            slow.cancel()
        }
    }
})
