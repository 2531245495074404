package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.request.Verb
import io.kubekt.request.Verb.CREATE
import io.kubekt.request.Verb.DELETE
import io.kubekt.request.Verb.DELETE_COLLECTION
import io.kubekt.request.Verb.GET
import io.kubekt.request.Verb.LIST
import io.kubekt.request.Verb.OTHER
import io.kubekt.request.Verb.PATCH
import io.kubekt.request.Verb.UPDATE
import io.kubekt.request.Verb.WATCH

/** The table of docs/decisions/retries.md, row by row. */
class RetryPolicySpec : FunSpec({
    val all = Verb.entries
    fun retried(code: Int, retryAfter: Boolean) = all.filter { RetryPolicy.retriesStatus(it, code, retryAfter) }.toSet()
    fun retried(failure: ConnectionFailure) = all.filter { RetryPolicy.retriesFailure(it, failure) }.toSet()
    val allButWatch = (all - WATCH).toSet()

    test("429 is retried for every verb but watch, with or without Retry-After") {
        retried(429, retryAfter = true) shouldBe allButWatch
        retried(429, retryAfter = false) shouldBe allButWatch
    }
    test("any 5xx with Retry-After is retried for every verb but watch") {
        for (code in listOf(500, 502, 503, 504)) retried(code, retryAfter = true) shouldBe allButWatch
    }
    test("502, 503 and 504 without Retry-After are retried for reads only") {
        for (code in listOf(502, 503, 504)) retried(code, retryAfter = false) shouldBe setOf(GET, LIST)
    }
    test("500 and 501 without Retry-After are not retried") {
        retried(500, retryAfter = false) shouldBe emptySet()
        retried(501, retryAfter = false) shouldBe emptySet()
    }
    test("other answers are never retried") {
        for (code in listOf(400, 401, 403, 404, 409, 410, 422)) retried(code, retryAfter = true) shouldBe emptySet()
    }
    test("a connection that was never made is retried for every verb but watch") {
        retried(ConnectionFailure.NOT_SENT) shouldBe allButWatch
    }
    test("a connection broken after sending is retried for reads, PUT and DELETE only") {
        retried(ConnectionFailure.MAYBE_SENT) shouldBe setOf(GET, LIST, UPDATE, DELETE, DELETE_COLLECTION)
        (setOf(CREATE, PATCH, OTHER) intersect retried(ConnectionFailure.MAYBE_SENT)) shouldBe emptySet()
    }
    test("final failures are never retried") {
        retried(ConnectionFailure.FINAL) shouldBe emptySet()
    }
})
