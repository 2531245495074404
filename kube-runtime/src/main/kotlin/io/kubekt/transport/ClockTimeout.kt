package io.kubekt.transport

import io.kubekt.error.TransportException
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.launch
import kotlinx.coroutines.supervisorScope
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.time.Duration

/**
 * Runs [block] with a deadline counted on a [KubeClock]: the block races `clock.delay(timeout)`;
 * if the delay wins, the block is cancelled (aborting its HTTP call) and a [TransportException]
 * with `isTimeout` is thrown, its message from [describe]. Driven by an injected clock in tests.
 *
 * A supervisor scope keeps the block's own failure an ordinary exception of [block], so the
 * timeout wins over whatever the aborted call threw on its way out.
 */
internal suspend fun <T> withClockTimeout(clock: KubeClock, timeout: Duration, describe: () -> String, block: suspend () -> T): T {
    if (timeout == Duration.INFINITE) return block()
    val fired = AtomicBoolean(false)
    return supervisorScope {
        val work = async { block() }
        val timer = launch {
            clock.delay(timeout)
            fired.set(true)
            work.cancel(CancellationException("request timeout"))
        }
        try {
            work.await()
        } catch (e: Throwable) {
            if (fired.get()) throw TransportException(describe(), null, isTimeout = true)
            throw e
        } finally {
            timer.cancel()
        }
    }
}
