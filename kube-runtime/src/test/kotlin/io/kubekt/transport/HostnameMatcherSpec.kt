package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.testing.TestCertificates

class HostnameMatcherSpec : FunSpec({
    val ca = TestCertificates.ca()
    val cert = TestCertificates.server(ca, "kubernetes", "*.apps.example.com", "10.0.0.1", "fd00::1").certificate

    test("matches DNS names exactly, ignoring case and a trailing dot") {
        HostnameMatcher.matches("kubernetes", cert) shouldBe true
        HostnameMatcher.matches("KUBERNETES.", cert) shouldBe true
        HostnameMatcher.matches("kubernetes.default", cert) shouldBe false
    }
    test("a wildcard covers exactly one left-most label") {
        HostnameMatcher.matches("web.apps.example.com", cert) shouldBe true
        HostnameMatcher.matches("apps.example.com", cert) shouldBe false
        HostnameMatcher.matches("a.web.apps.example.com", cert) shouldBe false
    }
    test("IP addresses match IP entries only, v4 and v6") {
        HostnameMatcher.matches("10.0.0.1", cert) shouldBe true
        HostnameMatcher.matches("10.0.0.2", cert) shouldBe false
        HostnameMatcher.matches("fd00:0:0:0:0:0:0:1", cert) shouldBe true
    }
    test("the subject CN alone does not count") {
        val cnOnly = TestCertificates.server(ca, "other.example.com").certificate
        HostnameMatcher.matches("kubernetes", cnOnly) shouldBe false
    }
})
