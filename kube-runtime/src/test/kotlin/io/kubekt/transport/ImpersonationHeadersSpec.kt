package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.config.Impersonation

class ImpersonationHeadersSpec : FunSpec({
    test("sends user, uid, one header per group and one per extra value") {
        val headers = ImpersonationHeaders.of(
            Impersonation("jane", uid = "42", groups = listOf("devs", "ops"), extra = mapOf("scopes" to listOf("view", "edit"))),
        )
        headers shouldBe listOf(
            "Impersonate-User" to "jane",
            "Impersonate-Uid" to "42",
            "Impersonate-Group" to "devs",
            "Impersonate-Group" to "ops",
            "Impersonate-Extra-scopes" to "view",
            "Impersonate-Extra-scopes" to "edit",
        )
    }
    test("percent-encodes extra keys that are not header tokens, and the percent sign") {
        ImpersonationHeaders.encodeKey("acme.com/project") shouldBe "acme.com%2Fproject"
        ImpersonationHeaders.encodeKey("100%") shouldBe "100%25"
        ImpersonationHeaders.encodeKey("a b") shouldBe "a%20b"
        ImpersonationHeaders.encodeKey("ü") shouldBe "%C3%BC"
        ImpersonationHeaders.encodeKey("Keep-These_Chars.~!") shouldBe "Keep-These_Chars.~!"
    }
    test("user only sends just Impersonate-User") {
        ImpersonationHeaders.of(Impersonation("system:serviceaccount:ns:sa")) shouldBe
            listOf("Impersonate-User" to "system:serviceaccount:ns:sa")
    }
})
