package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.error.ConfigException

class ConfigResolutionSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())
    val mount = files.dir.resolve("sa")
    files.write("sa/token", "t")
    val pod = arrayOf("KUBERNETES_SERVICE_HOST" to "10.96.0.1", "KUBERNETES_SERVICE_PORT" to "443")
    val explicit = files.write("explicit/config", KubeconfigFiles.simple("https://explicit.test"))
    val viaEnv = files.write("env/config", KubeconfigFiles.simple("https://env.test"))
    val home = files.dir.resolve("home")
    files.write("home/.kube/config", KubeconfigFiles.simple("https://home.test"))
    val emptyHome = files.dir.resolve("empty-home")

    fun resolve(vararg env: Pair<String, String>, home: java.nio.file.Path = emptyHome, overrides: ConfigOverrides = ConfigOverrides.NONE) =
        ConfigResolution(files.env(*env, home = home), mount).resolve(overrides)

    test("explicit kubeconfig paths come first") {
        resolve(*pod, "KUBECONFIG" to viaEnv.toString(), home = home, overrides = ConfigOverrides(kubeconfigPaths = listOf(explicit)))
            .server shouldBe "https://explicit.test"
    }

    test("an explicit path that is missing is an error even when other config exists") {
        shouldThrow<ConfigException> {
            resolve(*pod, home = home, overrides = ConfigOverrides(kubeconfigPaths = listOf(files.dir.resolve("nope"))))
        }.message shouldContain "does not exist"
    }

    test("KUBECONFIG comes before the home folder and before in-cluster") {
        resolve(*pod, "KUBECONFIG" to viaEnv.toString(), home = home).server shouldBe "https://env.test"
    }

    test("the home kubeconfig comes before in-cluster") {
        resolve(*pod, home = home).server shouldBe "https://home.test"
    }

    test("in-cluster is used when no kubeconfig file exists") {
        val c = resolve(*pod, "KUBECONFIG" to files.dir.resolve("missing").toString())
        c.server shouldBe "https://10.96.0.1:443"
        resolve(*pod, overrides = ConfigOverrides(namespace = "ns")).namespace shouldBe "ns"
    }

    test("an empty kubeconfig file does not hide in-cluster") {
        val empty = files.write("empty/config", "apiVersion: v1\nkind: Config\n")
        resolve(*pod, "KUBECONFIG" to empty.toString()).server shouldBe "https://10.96.0.1:443"
    }

    test("a server override without any kubeconfig talks to that server, even in a cluster") {
        val c = resolve(*pod, overrides = ConfigOverrides(server = "http://127.0.0.1:8001"))
        c.server shouldBe "http://127.0.0.1:8001"
        c.credentials shouldBe Credentials.None
    }

    test("a server override with a kubeconfig keeps its context") {
        val c = resolve(home = home, overrides = ConfigOverrides(server = "https://other.test"))
        c.server shouldBe "https://other.test"
        c.credentials shouldBe Credentials.Token("dev-token")
    }

    test("a context override in a cluster without kubeconfig is an error, not silently ignored") {
        shouldThrow<ConfigException> { resolve(*pod, overrides = ConfigOverrides(context = "dev")) }.message shouldContain
            "context \"dev\" requested, but no kubeconfig defines it"
    }

    test("with nothing found the error lists what was tried") {
        val e = shouldThrow<ConfigException> { resolve() }
        e.message shouldContain "no Kubernetes configuration found"
        e.message shouldContain emptyHome.resolve(".kube/config").toString()
        e.message shouldContain "KUBERNETES_SERVICE_HOST is not set"
        val withEnv = shouldThrow<ConfigException> { resolve("KUBECONFIG" to "/no/such/kubeconfig") }
        withEnv.message shouldContain "KUBECONFIG files /no/such/kubeconfig (none exists)"
    }
})
