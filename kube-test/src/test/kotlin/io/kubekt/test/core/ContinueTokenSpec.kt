package io.kubekt.test.core

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.test.api.ApiError

class ContinueTokenSpec : FunSpec({
    test("encodes byte for byte as the API server's token recorded in the transcripts") {
        ContinueToken(rv = 13355, start = "page-2\u0000").encode() shouldBe
            "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTMzNTUsInN0YXJ0IjoicGFnZS0yXHUwMDAwIn0"
    }

    test("decodes the API server's token") {
        ContinueToken.decode("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTMzNTUsInN0YXJ0IjoicGFnZS00XHUwMDAwIn0") shouldBe
            ContinueToken(rv = 13355, start = "page-4\u0000")
    }

    test("a garbage token is 400 BadRequest") {
        shouldThrow<ApiError> { ContinueToken.decode("not-a-token!") }.code shouldBe 400
    }
})
