package io.kubekt.auth

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.testing.TestCertificates

class SecretRedactionSpec : FunSpec({
    test("keeps ordinary error text") {
        SecretRedaction.redact("error: could not reach https://login.example.com (timeout)\n") shouldBe
            "error: could not reach https://login.example.com (timeout)"
    }

    test("hides JWTs, long base64 and hex runs, named values and PEM blocks") {
        val key = TestCertificates.client(TestCertificates.ca(), "x").keyPemPkcs8
        val text = """
            token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123_-xyz
            access_key=AKIAIOSFODNN7EXAMPLE1 and hex 0123456789abcdef0123456789abcdef
            password: "hunter2"
            $key
        """.trimIndent()
        val redacted = SecretRedaction.redact(text)
        redacted shouldNotContain "eyJhbGciOiJIUzI1NiJ9"
        redacted shouldNotContain "AKIAIOSFODNN7EXAMPLE1"
        redacted shouldNotContain "0123456789abcdef0123456789abcdef"
        redacted shouldNotContain "hunter2"
        redacted shouldNotContain key.lines()[1].take(20)
        redacted shouldContain "token <redacted>"
        redacted shouldContain "password: \"<redacted>"
    }

    test("keeps the end of long output and drops control characters") {
        val redacted = SecretRedaction.redact("noise \u001b[31m".repeat(200) + "the real error")
        redacted.length shouldBeLessThanOrEqual SecretRedaction.MAX_LENGTH + 1
        redacted shouldContain "the real error"
        redacted shouldNotContain "\u001b"
    }
})
