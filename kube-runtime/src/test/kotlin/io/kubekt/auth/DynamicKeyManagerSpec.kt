package io.kubekt.auth

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.config.PemSource
import io.kubekt.testing.FakeClock
import io.kubekt.testing.TestCertificates
import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.time.Instant
import kotlin.time.Duration.Companion.minutes

class DynamicKeyManagerSpec : FunSpec({
    val ca = TestCertificates.ca()

    test("an alias keeps naming the material it was chosen for after a rotation") {
        val alice = TestCertificates.client(ca, "alice")
        val bob = TestCertificates.client(ca, "bob")
        var current = ClientKeyMaterial(listOf(alice.certificate), alice.privateKey)
        val keyManager = DynamicKeyManager(listOf(ClientKeySource { current }))
        val first = keyManager.chooseClientAlias(null, null, null)
        keyManager.chooseClientAlias(null, null, null) shouldBe first
        current = ClientKeyMaterial(listOf(bob.certificate), bob.privateKey)
        val second = keyManager.chooseEngineClientAlias(null, null, null)
        second shouldNotBe first
        keyManager.getCertificateChain(first)!!.single() shouldBe alice.certificate
        keyManager.getCertificateChain(second)!!.single() shouldBe bob.certificate
        keyManager.getPrivateKey(second) shouldBe bob.privateKey
        keyManager.getPrivateKey("unknown") shouldBe null
    }

    test("client certificate files are re-read when they change, and a bad rewrite keeps the last good pair") {
        val dir = Files.createTempDirectory("kubekt-keys")
        try {
            val cert = dir.resolve("tls.crt")
            val key = dir.resolve("tls.key")
            val clock = FakeClock()
            val alice = TestCertificates.client(ca, "alice")
            Files.writeString(cert, alice.certPem)
            Files.writeString(key, alice.keyPemPkcs8)
            val source = PemFileKeySource(PemSource.File(cert), PemSource.File(key), clock)
            source.current().leaf shouldBe alice.certificate

            Files.writeString(key, "half-written")
            Files.setLastModifiedTime(key, FileTime.from(Instant.now().plusSeconds(5)))
            source.current().leaf shouldBe alice.certificate

            val bob = TestCertificates.client(ca, "bob")
            Files.writeString(cert, bob.certPem)
            Files.writeString(key, bob.keyPemPkcs8)
            Files.setLastModifiedTime(key, FileTime.from(Instant.now().plusSeconds(10)))
            source.current().leaf shouldBe bob.certificate

            // Same size, time and file: invisible to the stamp, picked up by the once-a-minute re-read.
            fun padded(text: String) = text + "#".repeat(3000 - text.length)
            Files.writeString(cert, padded(bob.certPem))
            Files.writeString(key, padded(bob.keyPemPkcs8))
            Files.setLastModifiedTime(key, FileTime.from(Instant.now().plusSeconds(15)))
            source.current().leaf shouldBe bob.certificate
            val times = listOf(cert, key).map { Files.getLastModifiedTime(it) }
            val carol = TestCertificates.client(ca, "carol")
            Files.writeString(cert, padded(carol.certPem))
            Files.writeString(key, padded(carol.keyPemPkcs8))
            Files.setLastModifiedTime(cert, times[0])
            Files.setLastModifiedTime(key, times[1])
            source.current().leaf shouldBe bob.certificate
            clock.advance(1.minutes)
            source.current().leaf shouldBe carol.certificate
        } finally {
            dir.toFile().deleteRecursively()
        }
    }
})
