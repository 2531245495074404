package io.kubekt.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.error.AuthException
import io.kubekt.testing.FakeClock
import java.nio.file.Files
import java.util.Base64
import kotlin.time.Duration.Companion.seconds

class TokenAuthenticatorsSpec : FunSpec({
    test("a bearer token is sent as is") {
        BearerTokenAuthenticator("abc.def").authorization() shouldBe "Bearer abc.def"
        BearerTokenAuthenticator("abc.def").onUnauthorized("Bearer abc.def") shouldBe false
    }

    test("basic auth sends base64 of user:password in UTF-8") {
        val header = BasicAuthenticator("jürgen", "p:ss wörd").authorization()
        header shouldBe "Basic " + Base64.getEncoder().encodeToString("jürgen:p:ss wörd".toByteArray(Charsets.UTF_8))
        String(Base64.getDecoder().decode(header.removePrefix("Basic ")), Charsets.UTF_8) shouldBe "jürgen:p:ss wörd"
    }

    test("a rotated token file is picked up once a minute has passed") {
        val dir = Files.createTempDirectory("kubekt-token")
        try {
            val file = dir.resolve("token")
            Files.writeString(file, "first-token\n")
            val clock = FakeClock()
            val auth = TokenFileAuthenticator(file, clock)
            auth.authorization() shouldBe "Bearer first-token"
            Files.writeString(file, "second-token")
            clock.advance(59.seconds)
            auth.authorization() shouldBe "Bearer first-token"
            clock.advance(2.seconds)
            auth.authorization() shouldBe "Bearer second-token"
        } finally {
            dir.toFile().deleteRecursively()
        }
    }

    test("a 401 re-reads the token file at once and says whether it changed") {
        val dir = Files.createTempDirectory("kubekt-token")
        try {
            val file = dir.resolve("token")
            Files.writeString(file, "first-token")
            val auth = TokenFileAuthenticator(file, FakeClock())
            auth.authorization() shouldBe "Bearer first-token"
            auth.onUnauthorized("Bearer first-token") shouldBe false
            Files.writeString(file, "second-token")
            auth.onUnauthorized("Bearer first-token") shouldBe true
            auth.authorization() shouldBe "Bearer second-token"
        } finally {
            dir.toFile().deleteRecursively()
        }
    }

    test("a missing token file names the path; a later failure keeps the last token") {
        val dir = Files.createTempDirectory("kubekt-token")
        try {
            val file = dir.resolve("token")
            val clock = FakeClock()
            val auth = TokenFileAuthenticator(file, clock)
            shouldThrow<AuthException> { auth.authorization() }.message shouldContain "$file does not exist"
            Files.writeString(file, "   ")
            shouldThrow<AuthException> { auth.authorization() }.message shouldContain "$file is empty"
            Files.writeString(file, "good-token")
            auth.authorization() shouldBe "Bearer good-token"
            Files.delete(file)
            clock.advance(120.seconds)
            auth.authorization() shouldBe "Bearer good-token"
        } finally {
            dir.toFile().deleteRecursively()
        }
    }
})
