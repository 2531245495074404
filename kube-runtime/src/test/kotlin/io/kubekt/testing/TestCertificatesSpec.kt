package io.kubekt.testing

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldContain

class TestCertificatesSpec : FunSpec({
    test("renders keys in PKCS#8 and traditional PEM forms") {
        val ca = TestCertificates.ca(kind = KeyKind.RSA)
        ca.keyPemPkcs8 shouldContain "BEGIN PRIVATE KEY"
        ca.keyPemTraditional shouldContain "BEGIN RSA PRIVATE KEY"
        TestCertificates.client(ca, "alice").keyPemTraditional shouldContain "BEGIN EC PRIVATE KEY"
        TestCertificates.server(ca).certPem shouldContain "BEGIN CERTIFICATE"
    }
    test("server certificate verifies against its CA") {
        val ca = TestCertificates.ca()
        TestCertificates.server(ca).certificate.verify(ca.keyPair.public)
    }
})
