package io.kubekt.api

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe

/** A pager reads the continue token from the head of a list body without decoding its items. */
class ListHeadSpec : FunSpec({
    fun bytes(json: String) = json.toByteArray()

    test("the metadata written before the items is read: resourceVersion, continue and remaining count") {
        val json = """{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"tok==","remainingItemCount":7},"items":[{"metadata":{"name":"a"}}]}"""
        val head = ListHead.read(bytes(json))!!
        head.resourceVersion shouldBe "42"
        head.`continue` shouldBe "tok=="
        head.remainingItemCount shouldBe 7L
        ListHead.continueToken(bytes(json)) shouldBe "tok=="
    }

    test("the last page (no token, or an empty one) has no continue token") {
        ListHead.continueToken(bytes("""{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42"},"items":[]}""")).shouldBeNull()
        ListHead.continueToken(bytes("""{"metadata":{"resourceVersion":"42","continue":""},"items":[]}""")).shouldBeNull()
    }

    test("the items are never read: a malformed item after the head does not matter") {
        ListHead.continueToken(bytes("""{"metadata":{"continue":"next"},"items":[{"metadata":{"name":]""")) shouldBe "next"
    }

    test("a body with the items (or another member) first, or not an object, has no head to read") {
        ListHead.read(bytes("""{"items":[],"metadata":{"continue":"late"}}""")).shouldBeNull()
        ListHead.read(bytes("""{"kind":"PodList","extra":1,"metadata":{"continue":"late"}}""")).shouldBeNull()
        ListHead.read(bytes("""[1,2]""")).shouldBeNull()
        ListHead.read(bytes("""{}""")).shouldBeNull()
        ListHead.read(bytes("""{"metadata":null,"items":[]}""")).shouldBeNull()
        ListHead.read(bytes("not json")).shouldBeNull()
    }
})
