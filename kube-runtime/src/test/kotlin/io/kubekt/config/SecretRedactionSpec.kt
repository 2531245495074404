package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldHaveAtLeastSize
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.KubeconfigFiles.Companion.b64
import io.kubekt.error.ConfigException
import io.kubekt.testing.KeyKind
import io.kubekt.testing.TestCertificates

/** No token, password, key, certificate or secret-bearing value may show in a message or a toString. */
class SecretRedactionSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())
    val client = TestCertificates.client(TestCertificates.ca(), "alice", kind = KeyKind.RSA)
    val keyPem = client.keyPemPkcs8
    val certPem = client.certPem
    // Every planted secret carries this marker; PEM material is checked by its base64 and body.
    val marker = "SECRET"
    val pemBodies = listOf(keyPem, certPem).map { pem -> pem.lines().filter { it.isNotBlank() && !it.startsWith("-----") }.joinToString("").take(40) }
    val forbidden = listOf(marker, b64(keyPem), b64(certPem)) + pemBodies

    val users = """
        - name: token
          user: {token: tok-SECRET-1, as: bob, as-groups: [g]}
        - name: basic
          user: {username: alice, password: pw-SECRET-2}
        - name: cert
          user: {client-certificate-data: ${b64(certPem)}, client-key-data: ${b64(keyPem)}}
        - name: exec
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              interactiveMode: Never
              command: plugin
              args: [--key, arg-SECRET-4]
              env: [{name: API_KEY, value: env-SECRET-3}]
        - name: oidc
          user:
            auth-provider:
              name: oidc
              config: {id-token: id-SECRET-5, refresh-token: refresh-SECRET-6, client-secret: client-SECRET-7, idp-issuer-url: https://i.test, client-id: k}
        - name: gcp
          user:
            auth-provider: {name: gcp, config: {access-token: gcp-SECRET-9}}
        - name: token-and-basic
          user: {token: tok-SECRET-10, username: a, password: pw-SECRET-11}
        - name: key-only
          user: {client-key-data: ${b64(keyPem)}}
        - name: exec-no-version
          user:
            exec: {command: p, env: [{name: K, value: env-SECRET-12}], args: [arg-SECRET-13]}
    """.trimIndent().prependIndent("        ").trimStart()
    val path = files.write(
        "config",
        """
        current-context: token
        clusters:
        - name: k
          cluster: {server: https://k.test, certificate-authority-data: ${b64(certPem)}, proxy-url: "http://user:proxy-SECRET-8@proxy.test:3128"}
        - name: creds-in-url
          cluster: {server: "https://admin:pw-SECRET-14@k.test/api?token=tok-SECRET-15"}
        - name: query-in-url
          cluster: {server: "https://k.test/api?access_token=tok-SECRET-16"}
        contexts:
        - {name: token, context: {cluster: k, user: token}}
        - {name: basic, context: {cluster: k, user: basic}}
        - {name: cert, context: {cluster: k, user: cert}}
        - {name: exec, context: {cluster: k, user: exec}}
        - {name: oidc, context: {cluster: k, user: oidc}}
        users:
        $users
        """,
    )
    val kubeconfig = KubeconfigLoader.load(path)

    fun check(what: String, text: String?) = withClue(what) {
        forbidden.forEach { secret -> (text ?: "") shouldNotContain secret }
    }

    test("toString of the kubeconfig and every entry shows no secret") {
        check("kubeconfig", kubeconfig.toString())
        val entries = kubeconfig.users.values + kubeconfig.clusters.values + kubeconfig.contexts.values
        entries shouldHaveAtLeastSize 10
        entries.forEach { check("entry", it.toString()) }
        kubeconfig.users.values.forEach { u -> check("exec", u.exec.toString()); check("auth-provider", u.authProvider.toString()) }
    }

    test("toString of every resolved ClientConfig and its parts shows no secret") {
        for (context in listOf("token", "basic", "cert", "exec", "oidc")) {
            val config = kubeconfig.toClientConfig(ConfigOverrides(context = context))
            check(context, config.toString())
            check("$context credentials", config.credentials.toString())
            check("$context tls", config.tls.toString())
            check("$context impersonation", config.impersonation.toString())
            when (val c = config.credentials) {
                is Credentials.Exec -> check("exec config", c.config.toString())
                is Credentials.Oidc -> check("oidc config", c.config.toString())
                else -> Unit
            }
        }
    }

    test("error messages about users holding secrets show no secret") {
        val failing = listOf("gcp", "token-and-basic", "key-only", "exec-no-version", "nobody")
        for (user in failing) {
            val e = shouldThrow<ConfigException> { kubeconfig.toClientConfig(ConfigOverrides(context = "token", user = user)) }
            check("error for $user", e.message)
        }
        for (cluster in listOf("creds-in-url", "query-in-url")) {
            val e = shouldThrow<ConfigException> { kubeconfig.toClientConfig(ConfigOverrides(context = "token", cluster = cluster)) }
            check("error for cluster $cluster", e.message)
        }
        check("unknown context", shouldThrow<ConfigException> { kubeconfig.toClientConfig(ConfigOverrides(context = "x")) }.message)
    }

    test("parse errors in files holding secrets show no secret, and carry no cause that could") {
        val bad = listOf(
            "users:\n- name: u\n  user:\n    token: tok: SECRET\n",
            "users: [{name: u, user: {token: SECRET}\n",
            "users:\n- name: u\n  user: {client-key-data: \"SECRET!!\"}\n",
            "users:\n- name: u\n  user: {token: [SECRET]}\n",
            "users:\n- name: u\n  user: {exec: {env: [{value: SECRET}]}}\n",
        )
        bad.forEachIndexed { i, text ->
            val file = files.write("bad$i/config", text)
            val e = shouldThrow<ConfigException> { KubeconfigLoader.load(file) }
            check("parse error $i", e.message)
            check("parse error $i cause", e.cause?.toString())
        }
    }
})
