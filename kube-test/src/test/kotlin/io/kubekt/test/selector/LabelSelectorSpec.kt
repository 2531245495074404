package io.kubekt.test.selector

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kubekt.test.api.ApiError

class LabelSelectorSpec : FunSpec({
    val labels = mapOf("app" to "web", "tier" to "front", "n" to "5")

    context("matches as the API machinery does") {
        withData(
            "app=web" to true, "app==web" to true, "app!=web" to false, "missing!=x" to true,
            "app in (web, api)" to true, "app notin (web)" to false, "missing notin (x)" to true,
            "tier" to true, "!tier" to false, "!missing" to true, "app=web,tier=back" to false,
            "n>4" to true, "n<5" to false, "" to true, " app = web , tier " to true,
            "example.com/role" to false,
        ) { (selector, expected) ->
            LabelSelector.parse(selector).matches(labels) shouldBe expected
        }
    }

    context("malformed selectors are 400 BadRequest") {
        withData("app in (a", "app in a", "=x", "app=b@d", "n>x") { selector ->
            shouldThrow<ApiError> { LabelSelector.parse(selector) }.code shouldBe 400
        }
    }
})
