package io.kubekt.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.config.ClientConfig
import io.kubekt.config.Credentials
import io.kubekt.config.PemSource
import io.kubekt.config.TlsConfig
import io.kubekt.error.TlsException
import io.kubekt.testing.FakeClock
import io.kubekt.testing.KeyKind
import io.kubekt.testing.TestCertificates
import java.nio.file.Path

class AuthenticatorsSpec : FunSpec({
    val ca = TestCertificates.ca()
    val alice = TestCertificates.client(ca, "alice", kind = KeyKind.RSA)
    fun config(block: ClientConfig.Builder.() -> Unit) = ClientConfig { server = "https://h"; block() }

    test("no credentials send no header and have no key manager") {
        val auth = Authenticators.forConfig(config {})
        auth.authorization().shouldBeNull()
        auth.keyManager.shouldBeNull()
    }

    test("each credential kind gets its authenticator") {
        Authenticators.forConfig(config { credentials = Credentials.Token("t") }).authorization() shouldBe "Bearer t"
        Authenticators.forConfig(config { credentials = Credentials.Basic("u", "p") }).authorization() shouldBe "Basic dTpw"
        Authenticators.forConfig(config { credentials = Credentials.TokenFile(Path.of("/nonexistent")) })
            .shouldBeInstanceOf<TokenFileAuthenticator>()
    }

    test("a client certificate and key give a key manager that presents them, next to the token") {
        val tls = TlsConfig(
            clientCertificate = PemSource.Data((alice.certPem + ca.certPem).toByteArray()),
            clientKey = PemSource.Data(alice.keyPemTraditional.toByteArray()),
        )
        val auth = Authenticators.forConfig(config { this.tls = tls; credentials = Credentials.Token("t") }, FakeClock())
        auth.authorization() shouldBe "Bearer t"
        val keyManager = auth.keyManager.shouldNotBeNull()
        val alias = keyManager.chooseClientAlias(arrayOf("RSA"), null, null).shouldNotBeNull()
        keyManager.getCertificateChain(alias).toList() shouldBe listOf(alice.certificate, ca.certificate)
        KeyPairCheck.matches(alice.certificate.publicKey, keyManager.getPrivateKey(alias)) shouldBe true
        keyManager.getServerAliases("RSA", null).shouldBeNull()
    }

    test("a certificate without a key, or a mismatched pair, fails at construction") {
        val certOnly = TlsConfig(clientCertificate = PemSource.Data(alice.certPem.toByteArray()))
        shouldThrow<TlsException> { Authenticators.forConfig(config { tls = certOnly }) }.message shouldContain "no client-key"
        val bob = TestCertificates.client(ca, "bob", kind = KeyKind.RSA)
        val mismatched = TlsConfig(
            clientCertificate = PemSource.Data(alice.certPem.toByteArray()),
            clientKey = PemSource.Data(bob.keyPemPkcs8.toByteArray()),
        )
        val e = shouldThrow<TlsException> { Authenticators.forConfig(config { tls = mismatched }) }
        e.message shouldContain "inline data (kubeconfig client-key-data) does not belong to the client certificate"
    }

    test("an exec plugin always gets a key manager, empty until the plugin returns a certificate") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val exec = io.kubekt.config.ExecConfig(command = plugins.plugin().toString(), apiVersion = PluginDir.V1, interactiveMode = "Never")
            val auth = Authenticators.forConfig(config { credentials = Credentials.Exec(exec) }, FakeClock())
            val keyManager = auth.keyManager.shouldNotBeNull()
            auth.authorization() shouldBe "Bearer tok-1"
            keyManager.chooseClientAlias(arrayOf("EC", "RSA"), null, null).shouldBeNull()
        }
    }
})
