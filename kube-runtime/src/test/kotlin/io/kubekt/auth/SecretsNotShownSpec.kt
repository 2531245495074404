package io.kubekt.auth

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.ClientConfig
import io.kubekt.config.Credentials
import io.kubekt.config.ExecConfig
import io.kubekt.config.OidcConfig
import io.kubekt.config.PemSource
import io.kubekt.config.TlsConfig
import io.kubekt.testing.FakeClock
import io.kubekt.testing.TestCertificates
import java.nio.file.Path

/** No token, password, key or certificate appears in any toString of config objects or authenticators. */
class SecretsNotShownSpec : FunSpec({
    val client = TestCertificates.client(TestCertificates.ca(), "alice")
    val secrets = listOf(
        "token-secret-1", "basic-password-2", "oidc-id-token-3", "oidc-refresh-4", "oidc-client-secret-5", "exec-env-secret-6",
        client.keyPemPkcs8.lines()[1], client.certPem.lines()[1],
    )
    val tls = TlsConfig(
        clientCertificate = PemSource.Data(client.certPem.toByteArray()),
        clientKey = PemSource.Data(client.keyPemPkcs8.toByteArray()),
        certificateAuthority = PemSource.Data(client.certPem.toByteArray()),
    )
    val oidc = OidcConfig(
        idToken = "oidc-id-token-3", refreshToken = "oidc-refresh-4", issuerUrl = "https://issuer",
        clientId = "kubectl", clientSecret = "oidc-client-secret-5",
    )
    val exec = ExecConfig(command = "plugin", env = mapOf("API_KEY" to "exec-env-secret-6"), apiVersion = PluginDir.V1)
    val credentials = listOf(
        Credentials.Token("token-secret-1"), Credentials.Basic("alice", "basic-password-2"),
        Credentials.Oidc(oidc), Credentials.Exec(exec), Credentials.TokenFile(Path.of("/var/run/token")), Credentials.None,
    )

    fun String.shouldShowNoSecret() = secrets.forEach { this shouldNotContain it }

    test("config objects hide secrets in toString") {
        for (c in credentials) {
            c.toString().shouldShowNoSecret()
            ClientConfig { server = "https://h"; this.tls = tls; this.credentials = c }.toString().shouldShowNoSecret()
        }
        tls.toString().shouldShowNoSecret()
        oidc.toString().shouldShowNoSecret()
        exec.toString().shouldShowNoSecret()
    }

    test("authenticators hide secrets in toString") {
        for (c in credentials) {
            val config = ClientConfig { server = "https://h"; this.tls = tls; this.credentials = c }
            val auth = Authenticators.forConfig(config, FakeClock())
            auth.toString().shouldShowNoSecret()
            auth.keyManager.toString().shouldShowNoSecret()
        }
        ClientKeyMaterial(listOf(client.certificate), client.privateKey).toString().shouldShowNoSecret()
        ExecCredential("token-secret-1", null, null).toString().shouldShowNoSecret()
        OidcTokens("oidc-id-token-3", "oidc-refresh-4").toString().shouldShowNoSecret()
    }
})
