package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.config.KubeconfigFiles.Companion.b64
import io.kubekt.error.ConfigException

class ContextResolutionSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())
    files.write("pki/ca.crt", "CA FILE")
    files.write("pki/client.crt", "CERT FILE")
    files.write("pki/client.key", "KEY FILE")
    val path = files.write(
        "config",
        """
        current-context: dev
        clusters:
        - name: dev-cluster
          cluster:
            server: https://dev.test:6443/prefix/
            certificate-authority: pki/ca.crt
            tls-server-name: kubernetes.internal
            proxy-url: socks5://proxy.test:1080
        - name: plain
          cluster: {server: "http://127.0.0.1:8080"}
        - name: schemeless
          cluster: {server: "10.1.2.3:6443"}
        - name: inline-ca
          cluster: {server: https://inline.test, certificate-authority-data: ${b64("CA DATA")}, certificate-authority: pki/ca.crt}
        - name: insecure
          cluster: {server: https://insecure.test, insecure-skip-tls-verify: true}
        - name: insecure-and-ca
          cluster: {server: https://x.test, insecure-skip-tls-verify: true, certificate-authority-data: ${b64("CA")}}
        - name: missing-ca
          cluster: {server: https://x.test, certificate-authority: pki/nope.crt}
        - name: ftp
          cluster: {server: "ftp://x.test"}
        - name: with-creds
          cluster: {server: "https://admin:hunter2@x.test"}
        - name: no-server
          cluster: {tls-server-name: x}
        users:
        - name: dev-user
          user: {client-certificate: pki/client.crt, client-key: pki/client.key}
        - name: inline-user
          user: {client-certificate-data: ${b64("CERT DATA")}, client-key-data: ${b64("KEY DATA")}}
        - name: cert-only
          user: {client-certificate: pki/client.crt}
        - name: token-user
          user: {token: abc}
        contexts:
        - name: dev
          context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
        - name: plain
          context: {cluster: plain}
        - name: ghost-cluster
          context: {cluster: nowhere, user: dev-user}
        - name: ghost-user
          context: {cluster: plain, user: nobody}
        - name: clusterless
          context: {user: dev-user}
        - name: bad-ns
          context: {cluster: plain, namespace: Not_Valid}
        """,
    )
    val kubeconfig = KubeconfigLoader.load(path)
    fun config(overrides: ConfigOverrides = ConfigOverrides.NONE) = kubeconfig.toClientConfig(overrides)
    fun failure(overrides: ConfigOverrides) = shouldThrow<ConfigException> { config(overrides) }.message!!

    test("the current context gives server, namespace, TLS, proxy, context name and source") {
        val c = config()
        c.server shouldBe "https://dev.test:6443/prefix"
        c.namespace shouldBe "team-a"
        c.tls.certificateAuthority shouldBe PemSource.File(files.dir.resolve("pki/ca.crt"))
        c.tls.insecureSkipTlsVerify shouldBe false
        c.tls.serverName shouldBe "kubernetes.internal"
        c.tls.clientCertificate shouldBe PemSource.File(files.dir.resolve("pki/client.crt"))
        c.tls.clientKey shouldBe PemSource.File(files.dir.resolve("pki/client.key"))
        c.credentials shouldBe Credentials.None
        c.proxyUrl shouldBe "socks5://proxy.test:1080"
        c.contextName shouldBe "dev"
        c.source shouldBe "context \"dev\" in $path"
    }

    test("a plain http server works and the namespace defaults to default") {
        val c = config(ConfigOverrides(context = "plain"))
        c.server shouldBe "http://127.0.0.1:8080"
        c.namespace shouldBe "default"
        c.tls shouldBe TlsConfig.DEFAULT
    }

    test("a server without a scheme gets https") {
        config(ConfigOverrides(context = "plain", cluster = "schemeless")).server shouldBe "https://10.1.2.3:6443"
    }

    test("a server with another scheme is rejected naming the cluster") {
        val message = failure(ConfigOverrides(context = "plain", cluster = "ftp"))
        message shouldContain "cluster \"ftp\""
        message shouldContain "https:// or http://"
    }

    test("a server URL carrying credentials is rejected without echoing them") {
        val message = failure(ConfigOverrides(context = "plain", cluster = "with-creds"))
        message shouldContain "contains credentials"
        message shouldNotContain "hunter2"
    }

    test("a cluster without a server is an error") {
        failure(ConfigOverrides(context = "plain", cluster = "no-server")) shouldContain "cluster \"no-server\" in $path has no server"
    }

    test("each override replaces its part") {
        config(ConfigOverrides(context = "plain")).contextName shouldBe "plain"
        val cluster = config(ConfigOverrides(cluster = "plain"))
        cluster.server shouldBe "http://127.0.0.1:8080"
        cluster.tls.certificateAuthority.shouldBeNull() // the whole cluster entry is replaced
        cluster.tls.clientCertificate shouldBe PemSource.File(files.dir.resolve("pki/client.crt")) // user from context
        config(ConfigOverrides(user = "token-user")).credentials shouldBe Credentials.Token("abc")
        config(ConfigOverrides(namespace = "other")).namespace shouldBe "other"
        val server = config(ConfigOverrides(server = "https://override.test:443"))
        server.server shouldBe "https://override.test:443"
        server.tls.certificateAuthority shouldBe PemSource.File(files.dir.resolve("pki/ca.crt")) // the rest of the cluster stays
    }

    test("an unknown context lists the files read and the contexts available") {
        val message = failure(ConfigOverrides(context = "prod"))
        message shouldContain "context \"prod\" is not defined in $path"
        message shouldContain "available contexts: \"bad-ns\", \"clusterless\", \"dev\", \"ghost-cluster\", \"ghost-user\", \"plain\""
    }

    test("an unknown current-context says it is the current-context") {
        val other = files.write("dangling/config", "current-context: gone\ncontexts: []\n")
        val message = shouldThrow<ConfigException> { KubeconfigLoader.load(other).toClientConfig() }.message!!
        message shouldContain "current-context \"gone\" is not defined in $other"
        message shouldContain "no contexts are defined"
    }

    test("no current-context and no context override is a clear error") {
        val noCurrent = files.write("nocurrent/config", "contexts:\n- name: a\n  context: {cluster: c}\n")
        val message = shouldThrow<ConfigException> { KubeconfigLoader.load(noCurrent).toClientConfig() }.message!!
        message shouldContain "no current-context is set in $noCurrent"
        message shouldContain "available contexts: \"a\""
    }

    test("a context naming a missing cluster or user is an error naming both") {
        failure(ConfigOverrides(context = "ghost-cluster")) shouldContain
            "cluster \"nowhere\" (named by context \"ghost-cluster\" in $path) is not defined"
        failure(ConfigOverrides(context = "ghost-user")) shouldContain "user \"nobody\" (named by context \"ghost-user\""
        failure(ConfigOverrides(user = "nobody")) shouldContain "user \"nobody\" (given as an override)"
        failure(ConfigOverrides(context = "clusterless")) shouldContain "context \"clusterless\" in $path names no cluster"
    }

    test("a context without a user is anonymous") {
        config(ConfigOverrides(context = "plain")).credentials shouldBe Credentials.None
    }

    test("an invalid namespace is an error naming where it came from") {
        failure(ConfigOverrides(context = "bad-ns")) shouldContain "the namespace of context \"bad-ns\""
        failure(ConfigOverrides(namespace = "UPPER")) shouldContain "the namespace override is \"UPPER\""
    }

    test("CA data wins over a CA file, and client certificate data is used") {
        val c = config(ConfigOverrides(context = "plain", cluster = "inline-ca", user = "inline-user"))
        val ca = c.tls.certificateAuthority.shouldBeInstanceOf<PemSource.Data>()
        String(ca.bytes) shouldBe "CA DATA"
        String((c.tls.clientCertificate as PemSource.Data).bytes) shouldBe "CERT DATA"
        String((c.tls.clientKey as PemSource.Data).bytes) shouldBe "KEY DATA"
    }

    test("insecure-skip-tls-verify is on only when the kubeconfig says so, and never with a CA") {
        config(ConfigOverrides(context = "plain", cluster = "insecure")).tls.insecureSkipTlsVerify shouldBe true
        config(ConfigOverrides(context = "plain", cluster = "inline-ca")).tls.insecureSkipTlsVerify shouldBe false
        failure(ConfigOverrides(context = "plain", cluster = "insecure-and-ca")) shouldContain "insecure-skip-tls-verify together"
    }

    test("a missing CA file or a certificate without a key is an error naming the entry") {
        val missing = failure(ConfigOverrides(context = "plain", cluster = "missing-ca"))
        missing shouldContain "certificate-authority of cluster \"missing-ca\" in $path names ${files.dir.resolve("pki/nope.crt")}"
        failure(ConfigOverrides(context = "plain", user = "cert-only")) shouldContain
            "user \"cert-only\" in $path sets client-certificate but no client-key"
    }

    test("a server override works with no kubeconfig at all") {
        val c = Kubeconfig.EMPTY.toClientConfig(ConfigOverrides(server = "http://localhost:8001", namespace = "ns"))
        c.server shouldBe "http://localhost:8001"
        c.namespace shouldBe "ns"
        c.credentials shouldBe Credentials.None
        c.contextName.shouldBeNull()
        c.source shouldContain "given as an override"
    }

    test("an empty kubeconfig without overrides says no file was read") {
        shouldThrow<ConfigException> { Kubeconfig.EMPTY.toClientConfig() }.message shouldContain "no kubeconfig file was read"
    }
})
