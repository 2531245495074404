@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer.queue

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.informer.virtualClock
import kotlinx.coroutines.delay
import kotlinx.coroutines.test.runTest
import java.time.Duration

class RateLimiterSpec : FunSpec({
    test("exponential backoff doubles from the base per key and stops at the maximum") {
        val limiter = ExponentialBackoffRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000))
        val delays = List(20) { limiter.delayFor("a").toMillis() }
        delays.take(4) shouldBe listOf(5L, 10L, 20L, 40L)
        delays.last() shouldBe 1_000_000L
        limiter.delayFor("b").toMillis() shouldBe 5L
        limiter.retries("a") shouldBe 20
        limiter.forget("a")
        limiter.delayFor("a").toMillis() shouldBe 5L
    }

    test("exponential backoff does not overflow after many failures") {
        val limiter = ExponentialBackoffRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000))
        repeat(200) { limiter.delayFor("a") }
        limiter.delayFor("a") shouldBe Duration.ofSeconds(1000)
    }

    test("the token bucket lets a burst through, then one every 1/qps") {
        runTest {
            val limiter = TokenBucketRateLimiter(qps = 10.0, burst = 100, clock = virtualClock())
            List(100) { limiter.delayFor(it) }.all { it.isZero } shouldBe true
            limiter.delayFor("x").toMillis() shouldBe 100L
            limiter.delayFor("y").toMillis() shouldBe 200L
            delay(1_000)
            List(8) { limiter.delayFor(it) }.all { it.isZero } shouldBe true // refilled 10, 2 were owed
            limiter.delayFor("z").toMillis() shouldBe 100L
        }
    }

    test("the default limiter is the larger of client-go's per-key backoff and overall bucket") {
        runTest {
            val limiter = RateLimiter.default(virtualClock())
            limiter.delayFor("a").toMillis() shouldBe 5L
            limiter.delayFor("a").toMillis() shouldBe 10L
            repeat(98) { limiter.delayFor("k$it") }
            limiter.delayFor("b").toMillis() shouldBe 100L // the bucket is empty: 10 per second
            limiter.retries("a") shouldBe 2
        }
    }
})
