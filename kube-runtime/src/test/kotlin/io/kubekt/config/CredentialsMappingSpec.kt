package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.config.KubeconfigFiles.Companion.b64
import io.kubekt.error.ConfigException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

class CredentialsMappingSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())
    files.write("secrets/token", "file-token")
    files.write("secrets/idp-ca.crt", "IDP CA")

    /** A kubeconfig with one context "c" on a cluster with an exec extension, using a user with [body]. */
    fun userConfig(name: String, body: String): ClientConfig {
        val path = files.write(
            "$name/config",
            "current-context: c\n" +
                "clusters:\n- name: k\n  cluster:\n    server: https://k.test\n    extensions:\n" +
                "    - name: client.authentication.k8s.io/exec\n      extension: {audience: kube}\n" +
                "contexts:\n- name: c\n  context: {cluster: k, user: u}\n" +
                "users:\n- name: u\n  user:\n" + body.trimIndent().prependIndent("    ") + "\n",
        )
        return KubeconfigLoader.load(path).toClientConfig()
    }
    fun failure(name: String, body: String) = shouldThrow<ConfigException> { userConfig(name, body) }.message!!

    test("a token becomes a bearer token") {
        userConfig("token", "token: abc").credentials shouldBe Credentials.Token("abc")
    }

    test("a tokenFile becomes a token file resolved against the kubeconfig and wins over a token") {
        val expected = Credentials.TokenFile(files.dir.resolve("secrets/token"))
        userConfig("tokenfile", "tokenFile: ../secrets/token").credentials shouldBe expected
        userConfig("both-tokens", "token: abc\ntokenFile: ../secrets/token").credentials shouldBe expected
    }

    test("a tokenFile that does not exist is an error naming the user and the path") {
        val message = failure("no-tokenfile", "tokenFile: missing-token")
        message shouldContain "tokenFile of user \"u\""
        message shouldContain files.dir.resolve("no-tokenfile/missing-token").toString()
    }

    test("username and password become basic auth") {
        userConfig("basic", "username: alice\npassword: pw").credentials shouldBe Credentials.Basic("alice", "pw")
    }

    test("a token together with basic auth is an error, as in client-go") {
        failure("token-basic", "token: abc\nusername: alice\npassword: pw") shouldContain "only one authentication method"
    }

    test("an exec plugin maps every field and takes the cluster's exec extension") {
        val c = userConfig(
            "exec",
            """
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: ./plugin.sh
              args: [get-token, --cluster, k]
              env: [{name: MODE, value: fast}]
              installHint: brew install plugin
              provideClusterInfo: true
              interactiveMode: Always
            """,
        )
        val exec = c.credentials.shouldBeInstanceOf<Credentials.Exec>().config
        exec.command shouldBe files.dir.resolve("exec/plugin.sh").toString()
        exec.args shouldBe listOf("get-token", "--cluster", "k")
        exec.env shouldBe mapOf("MODE" to "fast")
        exec.apiVersion shouldBe "client.authentication.k8s.io/v1"
        exec.installHint shouldBe "brew install plugin"
        exec.provideClusterInfo shouldBe true
        exec.interactiveMode shouldBe "Always"
        exec.workingDirectory shouldBe files.dir.resolve("exec")
        Json.parseToJsonElement(exec.clusterConfigJson!!) shouldBe JsonObject(mapOf("audience" to JsonPrimitive("kube")))
    }

    test("exec v1beta1 defaults interactiveMode to IfAvailable; v1 requires it") {
        val beta = userConfig("beta", "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: p}")
        beta.credentials.shouldBeInstanceOf<Credentials.Exec>().config.interactiveMode shouldBe "IfAvailable"
        failure("v1-no-mode", "exec: {apiVersion: client.authentication.k8s.io/v1, command: p}") shouldContain
            "needs interactiveMode"
    }

    test("exec without apiVersion or command, or with an unknown one, is an error naming the user") {
        failure("no-api", "exec: {command: p}") shouldContain "exec plugin of user \"u\""
        failure("no-api2", "exec: {command: p}") shouldContain "has no apiVersion"
        failure("alpha", "exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: p}") shouldContain
            "apiVersion \"client.authentication.k8s.io/v1alpha1\""
        failure("no-cmd", "exec: {apiVersion: client.authentication.k8s.io/v1beta1}") shouldContain "has no command"
        failure("mode", "exec: {apiVersion: client.authentication.k8s.io/v1, command: p, interactiveMode: Sometimes}") shouldContain
            "interactiveMode \"Sometimes\""
    }

    test("the oidc auth-provider maps every field, with the issuer CA from data or a relative file") {
        val c = userConfig(
            "oidc",
            """
            auth-provider:
              name: oidc
              config:
                id-token: id.jwt
                refresh-token: refresh
                idp-issuer-url: https://issuer.test
                client-id: kube
                client-secret: shh
                idp-certificate-authority-data: ${b64("IDP CA DATA")}
            """,
        )
        val oidc = c.credentials.shouldBeInstanceOf<Credentials.Oidc>().config
        oidc.idToken shouldBe "id.jwt"
        oidc.refreshToken shouldBe "refresh"
        oidc.issuerUrl shouldBe "https://issuer.test"
        oidc.clientId shouldBe "kube"
        oidc.clientSecret shouldBe "shh"
        String(oidc.issuerCertificateAuthority.shouldBeInstanceOf<PemSource.Data>().bytes) shouldBe "IDP CA DATA"

        val withFile = userConfig(
            "oidc-file",
            "auth-provider: {name: oidc, config: {id-token: t, idp-certificate-authority: ../secrets/idp-ca.crt}}",
        )
        withFile.credentials.shouldBeInstanceOf<Credentials.Oidc>().config.issuerCertificateAuthority shouldBe
            PemSource.File(files.dir.resolve("secrets/idp-ca.crt"))
    }

    test("oidc without an id-token works only when it can refresh") {
        val refreshOnly = userConfig(
            "oidc-refresh",
            "auth-provider: {name: oidc, config: {refresh-token: r, idp-issuer-url: https://i.test, client-id: k}}",
        )
        refreshOnly.credentials.shouldBeInstanceOf<Credentials.Oidc>().config.idToken.shouldBeNull()
        failure("oidc-empty", "auth-provider: {name: oidc, config: {client-id: k}}") shouldContain "has no id-token"
        failure("oidc-bad-ca", "auth-provider: {name: oidc, config: {id-token: t, idp-certificate-authority-data: '%%'}}") shouldContain
            "idp-certificate-authority-data of the oidc auth-provider of user \"u\""
    }

    test("the removed gcp and azure auth-providers are errors pointing to exec plugins") {
        val gcp = failure("gcp", "auth-provider: {name: gcp, config: {access-token: ya29}}")
        gcp shouldContain "auth-provider \"gcp\""
        gcp shouldContain "removed"
        gcp shouldContain "exec credential plugin"
        gcp shouldContain "gke-gcloud-auth-plugin"
        failure("azure", "auth-provider: {name: azure}") shouldContain "kubelogin"
        failure("other", "auth-provider: {name: custom}") shouldContain "supports only the \"oidc\" auth-provider"
    }

    test("exec together with an auth-provider is an error") {
        failure(
            "exec-and-oidc",
            "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: p}\nauth-provider: {name: oidc, config: {id-token: t}}",
        ) shouldContain "both exec and auth-provider"
    }

    test("a token takes precedence over an exec plugin, as in client-go") {
        userConfig("token-exec", "token: abc\nexec: {apiVersion: client.authentication.k8s.io/v1beta1, command: p}")
            .credentials shouldBe Credentials.Token("abc")
    }

    test("impersonation maps user, uid, groups and extra") {
        val c = userConfig("imp", "token: t\nas: bob\nas-uid: '42'\nas-groups: [a, b]\nas-user-extra: {scopes: [x, y]}")
        c.impersonation shouldBe Impersonation("bob", "42", listOf("a", "b"), mapOf("scopes" to listOf("x", "y")))
        userConfig("no-imp", "token: t").impersonation.shouldBeNull()
        failure("groups-only", "as-groups: [a]") shouldContain "without \"as\""
    }

    test("a user with nothing set is anonymous") {
        userConfig("empty-user", "{}").credentials shouldBe Credentials.None
    }
})
