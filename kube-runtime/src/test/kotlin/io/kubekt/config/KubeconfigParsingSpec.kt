package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.maps.shouldBeEmpty
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.KubeconfigFiles.Companion.b64
import io.kubekt.error.ConfigException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject

class KubeconfigParsingSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())

    test("reads every cluster field and ignores unknown keys") {
        val path = files.write(
            "clusters/config",
            """
            apiVersion: v1
            kind: Config
            preferences: {colors: true}
            clusters:
            - name: full
              cluster:
                server: https://api.example.test:6443
                certificate-authority: certs/ca.crt
                certificate-authority-data: ${b64("CA PEM")}
                insecure-skip-tls-verify: false
                tls-server-name: api.internal
                proxy-url: http://proxy.example.test:3128
                disable-compression: yes
                some-future-field: {nested: [1, 2]}
                extensions:
                - name: client.authentication.k8s.io/exec
                  extension:
                    audience: kube
                    retries: 3
                    enabled: true
            - name: bare
              cluster:
                server: http://127.0.0.1:8080
            """,
        )
        val config = KubeconfigLoader.load(path)
        val full = config.clusters.getValue("full")
        full.server shouldBe "https://api.example.test:6443"
        full.certificateAuthority shouldBe files.dir.resolve("clusters/certs/ca.crt")
        String(full.certificateAuthorityData!!.bytes) shouldBe "CA PEM"
        full.insecureSkipTlsVerify shouldBe false
        full.tlsServerName shouldBe "api.internal"
        full.proxyUrl shouldBe "http://proxy.example.test:3128"
        full.disableCompression shouldBe true
        full.source shouldBe path
        val ext = full.extensions.getValue("client.authentication.k8s.io/exec").jsonObject
        ext["audience"] shouldBe JsonPrimitive("kube")
        ext["retries"] shouldBe JsonPrimitive(3L)
        ext["enabled"] shouldBe JsonPrimitive(true)
        Json.parseToJsonElement(ext.toString()) shouldBe ext
        val bare = config.clusters.getValue("bare")
        bare.certificateAuthority.shouldBeNull()
        bare.extensions.shouldBeEmpty()
        bare.insecureSkipTlsVerify shouldBe false
    }

    test("reads every user field") {
        val path = files.write(
            "users/config",
            """
            users:
            - name: everything
              user:
                client-certificate: pki/client.crt
                client-certificate-data: ${b64("CERT")}
                client-key: /abs/client.key
                client-key-data: ${b64("KEY")}
                token: t0ken
                tokenFile: token.txt
                username: alice
                password: pw
                as: bob
                as-uid: "1234"
                as-groups: [devs, ops]
                as-user-extra:
                  scopes: [read, write]
                  team: blue
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/plugin
                  args: [--flag, value]
                  env:
                  - name: A
                    value: one
                  - name: B
                    value: two
                  installHint: install the plugin
                  provideClusterInfo: true
                  interactiveMode: Never
                auth-provider:
                  name: oidc
                  config:
                    client-id: kubectl
                    idp-issuer-url: https://issuer.test
            """,
        )
        val user = KubeconfigLoader.load(path).users.getValue("everything")
        user.clientCertificate shouldBe files.dir.resolve("users/pki/client.crt")
        String(user.clientCertificateData!!.bytes) shouldBe "CERT"
        user.clientKey.toString() shouldBe "/abs/client.key"
        String(user.clientKeyData!!.bytes) shouldBe "KEY"
        user.token shouldBe "t0ken"
        user.tokenFile shouldBe files.dir.resolve("users/token.txt")
        user.username shouldBe "alice"
        user.password shouldBe "pw"
        user.impersonate shouldBe "bob"
        user.impersonateUid shouldBe "1234"
        user.impersonateGroups shouldContainExactly listOf("devs", "ops")
        user.impersonateUserExtra shouldBe mapOf("scopes" to listOf("read", "write"), "team" to listOf("blue"))
        val exec = user.exec!!
        exec.apiVersion shouldBe "client.authentication.k8s.io/v1"
        exec.command shouldBe files.dir.resolve("users/bin/plugin").toString()
        exec.args shouldContainExactly listOf("--flag", "value")
        exec.env shouldBe mapOf("A" to "one", "B" to "two")
        exec.installHint shouldBe "install the plugin"
        exec.provideClusterInfo shouldBe true
        exec.interactiveMode shouldBe "Never"
        user.authProvider!!.name shouldBe "oidc"
        user.authProvider!!.config shouldBe mapOf("client-id" to "kubectl", "idp-issuer-url" to "https://issuer.test")
    }

    test("a bare exec command is left for a PATH lookup") {
        val path = files.write(
            "bare/config",
            """
            users:
            - name: u
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}
            """,
        )
        KubeconfigLoader.load(path).users.getValue("u").exec!!.command shouldBe "aws"
    }

    test("reads contexts and current-context") {
        val path = files.write("ctx/config", KubeconfigFiles.simple(namespace = "team-a"))
        val config = KubeconfigLoader.load(path)
        config.currentContext shouldBe "dev"
        val ctx = config.contexts.getValue("dev")
        ctx.cluster shouldBe "dev-cluster"
        ctx.user shouldBe "dev-user"
        ctx.namespace shouldBe "team-a"
        ctx.source shouldBe path
    }

    test("an empty file and null sections read as an empty kubeconfig") {
        val empty = KubeconfigLoader.load(files.write("empty/config", ""))
        empty.contexts.shouldBeEmpty()
        empty.currentContext.shouldBeNull()
        val nulls = KubeconfigLoader.load(files.write("nulls/config", "clusters: null\nusers:\ncontexts: []\ncurrent-context: \"\""))
        nulls.clusters.shouldBeEmpty()
        nulls.currentContext.shouldBeNull()
    }

    test("base64 data may be wrapped over several lines") {
        val wrapped = b64("a fairly long certificate authority body").chunked(8).joinToString("\n      ")
        val path = files.write("wrap/config", "clusters:\n- name: c\n  cluster:\n    certificate-authority-data: |\n      $wrapped\n")
        String(KubeconfigLoader.load(path).clusters.getValue("c").certificateAuthorityData!!.bytes) shouldBe
            "a fairly long certificate authority body"
    }

    test("invalid base64 names the field, the entry and the file but not the value") {
        val path = files.write(
            "badb64/config",
            """
            users:
            - name: admin
              user:
                client-key-data: "not*base64*SECRETKEYMATERIAL"
            """,
        )
        val e = shouldThrow<ConfigException> { KubeconfigLoader.load(path) }
        e.message shouldContain "client-key-data"
        e.message shouldContain "user \"admin\""
        e.message shouldContain path.toString()
        e.message shouldContain "line 4"
        e.message shouldNotContain "SECRETKEYMATERIAL"
        e.cause.shouldBeNull()
    }

    test("malformed YAML names the file and the line without echoing the content") {
        val path = files.write(
            "broken/config",
            """
            users:
            - name: admin
              user:
                token: abc: SECRETTOKEN
            """,
        )
        val e = shouldThrow<ConfigException> { KubeconfigLoader.load(path) }
        e.message shouldContain path.toString()
        e.message shouldContain "line 4"
        e.message shouldNotContain "SECRETTOKEN"
        e.cause.shouldBeNull()

        val unclosed = files.write("broken2/config", "users: [\n  {name: a, user: {token: SECRETTOKEN}\n")
        val e2 = shouldThrow<ConfigException> { KubeconfigLoader.load(unclosed) }
        e2.message shouldContain unclosed.toString()
        e2.message shouldContain "while parsing a flow mapping; expected ','"
        e2.message shouldNotContain "SECRETTOKEN"
    }

    test("a value of the wrong shape names the field and the file") {
        val path = files.write("shape/config", "clusters: just-a-string\n")
        val e = shouldThrow<ConfigException> { KubeconfigLoader.load(path) }
        e.message shouldContain "\"clusters\""
        e.message shouldContain path.toString()
        e.message shouldContain "must be a list"

        val scalarTop = files.write("shape2/config", "- a\n- b\n")
        shouldThrow<ConfigException> { KubeconfigLoader.load(scalarTop) }.message shouldContain "mapping at the top"
    }

    test("a name defined twice in one file is an error naming both lines") {
        val path = files.write(
            "dup/config",
            """
            contexts:
            - name: dev
              context: {cluster: a}
            - name: dev
              context: {cluster: b}
            """,
        )
        val e = shouldThrow<ConfigException> { KubeconfigLoader.load(path) }
        e.message shouldContain "context \"dev\" twice"
        e.message shouldContain "lines 2 and 4"
    }

    test("an entry without a name is an error") {
        val path = files.write("noname/config", "clusters:\n- cluster: {server: https://x}\n")
        shouldThrow<ConfigException> { KubeconfigLoader.load(path) }.message shouldContain "cluster entry at line 2"
    }

    test("a non-boolean flag is an error naming the field") {
        val path = files.write("bool/config", "clusters:\n- name: c\n  cluster:\n    insecure-skip-tls-verify: maybe\n")
        val e = shouldThrow<ConfigException> { KubeconfigLoader.load(path) }
        e.message shouldContain "insecure-skip-tls-verify"
        e.message shouldContain "cluster \"c\""
    }

    test("parse resolves relative paths against the notional origin") {
        val origin = files.dir.resolve("virtual/kubeconfig")
        val config = KubeconfigLoader.parse("users:\n- name: u\n  user: {tokenFile: t}\n", origin)
        config.users.getValue("u").tokenFile shouldBe files.dir.resolve("virtual/t")
        config.files shouldContainExactly listOf(origin)
    }
})
