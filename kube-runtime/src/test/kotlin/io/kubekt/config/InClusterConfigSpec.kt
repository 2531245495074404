package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.error.ConfigException
import java.nio.file.Files

class InClusterConfigSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())
    val mount = files.dir.resolve("sa")
    files.write("sa/token", "SECRET-SA-TOKEN")
    files.write("sa/ca.crt", "CA")
    files.write("sa/namespace", "payments\n")
    val podEnv = arrayOf("KUBERNETES_SERVICE_HOST" to "10.96.0.1", "KUBERNETES_SERVICE_PORT" to "443")

    test("reads the server from the service env vars and the service account from the mount") {
        val c = InClusterConfig.load(files.env(*podEnv), mount, null)
        c.server shouldBe "https://10.96.0.1:443"
        c.credentials shouldBe Credentials.TokenFile(mount.resolve("token"))
        c.tls.certificateAuthority shouldBe PemSource.File(mount.resolve("ca.crt"))
        c.tls.insecureSkipTlsVerify shouldBe false
        c.namespace shouldBe "payments"
        c.contextName.shouldBeNull()
        c.source shouldContain "in-cluster"
        c.toString() shouldNotContain "SECRET-SA-TOKEN"
    }

    test("an IPv6 service host is bracketed in the URL") {
        val env = files.env("KUBERNETES_SERVICE_HOST" to "fd00:10:96::1", "KUBERNETES_SERVICE_PORT" to "6443")
        InClusterConfig.load(env, mount, null).server shouldBe "https://[fd00:10:96::1]:6443"
    }

    test("the namespace is the override, then POD_NAMESPACE, then the file, then default") {
        InClusterConfig.load(files.env(*podEnv, "POD_NAMESPACE" to "from-env"), mount, "over").namespace shouldBe "over"
        InClusterConfig.load(files.env(*podEnv, "POD_NAMESPACE" to "from-env"), mount, null).namespace shouldBe "from-env"
        val bare = files.dir.resolve("bare-sa")
        files.write("bare-sa/token", "t")
        InClusterConfig.load(files.env(*podEnv), bare, null).namespace shouldBe "default"
    }

    test("a missing ca.crt falls back to the default trust store") {
        val noCa = files.dir.resolve("no-ca")
        files.write("no-ca/token", "t")
        InClusterConfig.load(files.env(*podEnv), noCa, null).tls shouldBe TlsConfig.DEFAULT
    }

    test("outside a cluster the error says everything that is missing") {
        val e = shouldThrow<ConfigException> { InClusterConfig.load(files.env(), files.dir.resolve("none"), null) }
        e.message shouldContain "not running in a Kubernetes cluster"
        e.message shouldContain "KUBERNETES_SERVICE_HOST is not set"
        e.message shouldContain "KUBERNETES_SERVICE_PORT is not set"
        e.message shouldContain "service account token ${files.dir.resolve("none/token")} does not exist"
        InClusterConfig.unavailableReason(files.env(*podEnv), mount).shouldBeNull()
    }

    test("the env vars without a token file is not a cluster") {
        val empty = Files.createDirectories(files.dir.resolve("empty-sa"))
        shouldThrow<ConfigException> { InClusterConfig.load(files.env(*podEnv), empty, null) }.message shouldContain
            "service account token"
    }

    test("a bad port is an error") {
        val env = files.env("KUBERNETES_SERVICE_HOST" to "10.0.0.1", "KUBERNETES_SERVICE_PORT" to "https")
        shouldThrow<ConfigException> { InClusterConfig.load(env, mount, null) }.message shouldContain
            "KUBERNETES_SERVICE_PORT is \"https\""
    }
})
