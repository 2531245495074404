package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kubekt.testing.FakeClock
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import java.util.Collections
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

class TokenBucketRateLimiterSpec : FunSpec({
    test("lets a burst through at once, then one request per 1/qps") {
        val clock = FakeClock(autoAdvance = true)
        val limiter = TokenBucketRateLimiter(qps = 10.0, burst = 5, clock = clock)
        runBlocking {
            repeat(5) { limiter.acquire() }
            clock.elapsed shouldBe 0.seconds
            repeat(10) { limiter.acquire() }
        }
        clock.elapsed shouldBe 1.seconds
    }

    test("concurrent callers are spread at the configured rate") {
        val clock = FakeClock(autoAdvance = true)
        val limiter = TokenBucketRateLimiter(qps = 4.0, burst = 1, clock = clock)
        runBlocking { (1..9).map { async { limiter.acquire() } }.awaitAll() }
        clock.elapsed shouldBe 2.seconds
    }

    test("refills while idle, up to the burst and no further") {
        val clock = FakeClock(autoAdvance = true)
        val limiter = TokenBucketRateLimiter(qps = 2.0, burst = 3, clock = clock)
        runBlocking {
            repeat(3) { limiter.acquire() }
            clock.advance(10.seconds)
            repeat(3) { limiter.acquire() }
            clock.elapsed shouldBe 10.seconds
            limiter.acquire()
        }
        clock.elapsed shouldBe 10.5.seconds
    }

    test("serves waiting callers in arrival order") {
        val clock = FakeClock()
        val limiter = TokenBucketRateLimiter(qps = 1.0, burst = 1, clock = clock)
        val order = Collections.synchronizedList(mutableListOf<Int>())
        runBlocking {
            limiter.acquire()
            coroutineScope {
                for (i in 1..4) {
                    launch { limiter.acquire(); order += i }
                    clock.awaitPendingDelays(i)
                }
                repeat(4) { clock.advance(1.seconds); kotlinx.coroutines.delay(20.milliseconds) }
            }
        }
        order shouldBe listOf(1, 2, 3, 4)
    }

    test("a cancelled waiter gives its token back") {
        val clock = FakeClock()
        val limiter = TokenBucketRateLimiter(qps = 1.0, burst = 1, clock = clock)
        runBlocking {
            limiter.acquire()
            val waiting = launch { limiter.acquire() }
            clock.awaitPendingDelays(1)
            waiting.cancel()
            waiting.join()
            clock.advance(1.seconds)
            withTimeout(2.seconds) { limiter.acquire() }
        }
        clock.delays shouldBe listOf(1.seconds)
    }

    test("qps of zero or less turns limiting off") {
        TokenBucketRateLimiter.orNull(0.0, 10, FakeClock()).shouldBeNull()
        TokenBucketRateLimiter.orNull(-1.0, 10, FakeClock()).shouldBeNull()
    }
})
