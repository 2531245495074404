package io.kubekt.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.PemSource
import io.kubekt.error.TlsException
import java.nio.file.Files

class TrustMaterialSpec : FunSpec({
    test("reads every certificate of a CA bundle file") {
        val file = Files.createTempFile("ca", ".crt")
        Files.writeString(file, Certs.ca.certPem + Certs.otherCa.certPem)
        TrustMaterial.certificates(PemSource.File(file), "test").map { it.subjectX500Principal.name } shouldBe
            listOf("CN=kubekt-test-ca", "CN=some-other-ca")
        TrustMaterial.trustManager(PemSource.File(file), "test").acceptedIssuers.size shouldBe 2
    }
    test("a missing CA file is a TlsException naming the file and the configuration") {
        val e = shouldThrow<TlsException> { TrustMaterial.certificates(PemSource.File(java.nio.file.Path.of("/nope/ca.crt")), "context \"dev\"") }
        e.message shouldContain "/nope/ca.crt"
        e.message shouldContain "context \"dev\""
    }
    test("data that is not a certificate is refused without echoing it") {
        val e = shouldThrow<TlsException> {
            TrustMaterial.certificates(PemSource.Data("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n".toByteArray()), "ctx")
        }
        e.message shouldContain "inline data"
        e.message shouldNotContain "bm90IGEgY2VydA"
    }
    test("without a CA the JVM default trust store is used") {
        (TrustMaterial.trustManager(null, "test").acceptedIssuers.size > 10) shouldBe true
    }
})
