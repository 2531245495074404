package io.kubekt.auth

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.OidcConfig
import io.kubekt.config.PemSource
import io.kubekt.error.AuthException
import io.kubekt.testing.FakeClock
import io.kubekt.testing.TestCertificates
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.URLDecoder
import java.util.Base64
import java.util.concurrent.CopyOnWriteArrayList

/** A small OpenID provider on loopback: discovery plus a token endpoint that records each form. */
private class FakeIssuer(https: Boolean = false) : AutoCloseable {
    val ca = TestCertificates.ca()
    val forms = CopyOnWriteArrayList<Map<String, String>>()
    var answer: (Map<String, String>) -> Pair<Int, String> = { 200 to """{"id_token":"${jwt(4_000_000_000)}"}""" }
    private val server: HttpServer = if (https) {
        HttpsServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0).apply {
            httpsConfigurator = HttpsConfigurator(TestCertificates.serverContext(TestCertificates.server(ca), ca))
        }
    } else {
        HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    }
    val url = "${if (https) "https" else "http"}://127.0.0.1:${server.address.port}/realm"

    init {
        server.createContext("/realm/.well-known/openid-configuration") { reply(it, 200, """{"issuer":"$url","token_endpoint":"$url/token"}""") }
        server.createContext("/realm/token") { exchange ->
            val form = exchange.requestBody.readAllBytes().toString(Charsets.UTF_8).split('&').associate {
                val (k, v) = it.split('=', limit = 2)
                k to URLDecoder.decode(v, Charsets.UTF_8)
            }
            forms += form
            val (code, body) = answer(form)
            reply(exchange, code, body)
        }
        server.start()
    }

    private fun reply(exchange: HttpExchange, code: Int, body: String) {
        val bytes = body.toByteArray()
        exchange.responseHeaders.add("Content-Type", "application/json")
        exchange.sendResponseHeaders(code, bytes.size.toLong())
        exchange.responseBody.use { it.write(bytes) }
    }

    override fun close() = server.stop(0)

    companion object {
        /** An unsigned test JWT with `exp` [exp] (epoch seconds) and a unique `jti`. */
        fun jwt(exp: Long, id: String = java.util.UUID.randomUUID().toString()): String {
            val encoder = Base64.getUrlEncoder().withoutPadding()
            val header = encoder.encodeToString("""{"alg":"RS256","typ":"JWT"}""".toByteArray())
            val payload = encoder.encodeToString("""{"sub":"alice","exp":$exp,"jti":"$id"}""".toByteArray())
            return "$header.$payload.${encoder.encodeToString("signature".toByteArray())}"
        }
    }
}

class OidcAuthenticatorSpec : FunSpec({
    val clock = FakeClock()
    val nowSeconds = clock.currentTimeMillis() / 1000
    val expired = FakeIssuer.jwt(nowSeconds - 60)
    val valid = FakeIssuer.jwt(nowSeconds + 3600)

    fun config(issuer: FakeIssuer, idToken: String?, ca: PemSource? = null) = OidcConfig(
        idToken = idToken, refreshToken = "refresh-1", issuerUrl = issuer.url, clientId = "kubectl",
        clientSecret = "client-secret-value", issuerCertificateAuthority = ca,
    )

    test("a valid id-token is sent without asking the issuer") {
        FakeIssuer().use { issuer ->
            OidcAuthenticator(config(issuer, valid), clock).authorization() shouldBe "Bearer $valid"
            issuer.forms.size shouldBe 0
        }
    }

    test("an expired id-token is refreshed with the refresh token, and a rotated refresh token is used next") {
        FakeIssuer().use { issuer ->
            val fresh = FakeIssuer.jwt(nowSeconds + 3600)
            issuer.answer = { 200 to """{"id_token":"$fresh","refresh_token":"refresh-2"}""" }
            val auth = OidcAuthenticator(config(issuer, expired), clock)
            auth.authorization() shouldBe "Bearer $fresh"
            auth.authorization() shouldBe "Bearer $fresh"
            issuer.forms.single() shouldBe mapOf(
                "grant_type" to "refresh_token", "refresh_token" to "refresh-1",
                "client_id" to "kubectl", "client_secret" to "client-secret-value",
            )
            auth.onUnauthorized("Bearer $fresh") shouldBe true
            auth.authorization()
            issuer.forms.last()["refresh_token"] shouldBe "refresh-2"
        }
    }

    test("an id-token whose exp cannot be read is used until a 401") {
        FakeIssuer().use { issuer ->
            val auth = OidcAuthenticator(config(issuer, "opaque-token"), clock)
            auth.authorization() shouldBe "Bearer opaque-token"
            issuer.forms.size shouldBe 0
            auth.onUnauthorized("Bearer opaque-token") shouldBe true
            auth.authorization() shouldNotContain "opaque-token"
            issuer.forms.size shouldBe 1
        }
    }

    test("a refresh error names the endpoint and OAuth error but no token") {
        FakeIssuer().use { issuer ->
            issuer.answer = { 400 to """{"error":"invalid_grant","error_description":"Token is not active"}""" }
            val e = shouldThrow<AuthException> { OidcAuthenticator(config(issuer, expired), clock).authorization() }
            e.message shouldContain "${issuer.url}/token"
            e.message shouldContain "HTTP 400: invalid_grant (Token is not active)"
            e.message shouldNotContain "refresh-1"
            e.message shouldNotContain "client-secret-value"
        }
    }

    test("an expired id-token without refresh settings fails saying what is missing") {
        val auth = OidcAuthenticator(OidcConfig(idToken = expired, clientId = "kubectl"), clock)
        val e = shouldThrow<AuthException> { auth.authorization() }
        e.message shouldContain "idp-issuer-url, refresh-token"
        e.message shouldNotContain expired
        auth.onUnauthorized("Bearer $expired") shouldBe false
    }

    test("refreshes over HTTPS trusting the configured issuer CA") {
        FakeIssuer(https = true).use { issuer ->
            val ca = PemSource.Data(issuer.ca.certPem.toByteArray())
            OidcAuthenticator(config(issuer, expired, ca), clock).authorization() shouldContain "Bearer "
            issuer.forms.size shouldBe 1
            val untrusted = shouldThrow<AuthException> { OidcAuthenticator(config(issuer, expired), clock).authorization() }
            untrusted.message shouldContain "SSLHandshakeException"
        }
    }

    test("reads exp from a JWT without checking its signature") {
        JwtExpiry.expiresAtMillis(FakeIssuer.jwt(1_900_000_000)) shouldBe 1_900_000_000_000
        JwtExpiry.expiresAtMillis("not-a-jwt") shouldBe null
        JwtExpiry.expiresAtMillis("a.%%%.c") shouldBe null
    }
})
