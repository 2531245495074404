package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.comparables.shouldBeGreaterThanOrEqualTo
import io.kotest.matchers.comparables.shouldBeLessThanOrEqualTo
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import java.time.Duration as JavaDuration
import kotlin.random.Random
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

class RetryScheduleSpec : FunSpec({
    val config = RetryConfig(maxRetries = 8, initialBackoff = JavaDuration.ofMillis(100), maxBackoff = JavaDuration.ofSeconds(2))

    test("doubles the step each retry, with equal jitter between half and the whole step") {
        val schedule = RetrySchedule(config, Random(42))
        val steps = listOf(100, 200, 400, 800, 1600, 2000, 2000)
        steps.forEachIndexed { retry, step ->
            repeat(50) {
                val wait = schedule.delayBefore(retry, null)
                wait shouldBeGreaterThanOrEqualTo (step / 2).milliseconds
                wait shouldBeLessThanOrEqualTo step.milliseconds
            }
        }
    }

    test("jitter spreads the waits") {
        val schedule = RetrySchedule(config, Random(7))
        (1..20).map { schedule.delayBefore(3, null) }.toSet().size shouldBeGreaterThanOrEqualTo 10
    }

    test("Retry-After replaces the backoff and is capped at the maximum") {
        val schedule = RetrySchedule(config, Random(1))
        schedule.delayBefore(0, 1.seconds) shouldBe 1.seconds
        schedule.delayBefore(0, 120.seconds) shouldBe 2.seconds
    }

    test("huge retry numbers do not overflow") {
        RetrySchedule(config).delayBefore(200, null) shouldBeLessThanOrEqualTo 2.seconds
    }

    test("Retry-After is read as seconds or as an HTTP date") {
        val now = 1_767_225_600_000L // 2026-01-01T00:00:00Z
        RetryAfter.parse("3", now) shouldBe 3.seconds
        RetryAfter.parse(" 0 ", now) shouldBe 0.seconds
        RetryAfter.parse("Thu, 01 Jan 2026 00:00:05 GMT", now) shouldBe 5.seconds
        RetryAfter.parse("Wed, 31 Dec 2025 23:59:00 GMT", now) shouldBe 0.seconds
        RetryAfter.parse("-1", now).shouldBeNull()
        RetryAfter.parse("soon", now).shouldBeNull()
        RetryAfter.parse(null, now).shouldBeNull()
    }
})
