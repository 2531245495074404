package io.kubekt.config

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.config.KubeconfigFiles.Companion.b64
import io.kubekt.error.ConfigException
import java.io.File
import java.nio.file.Files

class KubeconfigLoaderSpec : FunSpec({
    val files = KubeconfigFiles(tempdir().toPath())

    // Three files that overlap: "shared" entries exist in all, current-context is set by the 2nd and 3rd.
    val first = files.write(
        "one/config",
        """
        clusters:
        - name: shared
          cluster: {server: https://first.test}
        users:
        - name: shared
          user: {token: first-token}
        contexts:
        - name: shared
          context: {cluster: shared, user: shared, namespace: first-ns}
        """,
    )
    val second = files.write(
        "two/config",
        """
        current-context: from-second
        clusters:
        - name: shared
          cluster:
            server: https://second.test
            certificate-authority-data: ${b64("CA")}
        - name: only-second
          cluster: {server: https://second-only.test}
        users:
        - name: shared
          user: {username: second, password: pw}
        contexts:
        - name: from-second
          context: {cluster: only-second}
        - name: shared
          context: {cluster: only-second}
        """,
    )
    val third = files.write(
        "three/config",
        """
        current-context: from-third
        clusters:
        - name: only-third
          cluster: {server: https://third.test, certificate-authority: ca.crt}
        contexts:
        - name: from-third
          context: {cluster: only-third}
        """,
    )

    test("the first file to define an entry wins with its whole entry") {
        val config = KubeconfigLoader.load(first, second, third)
        val shared = config.clusters.getValue("shared")
        shared.server shouldBe "https://first.test"
        shared.certificateAuthorityData.shouldBeNull() // not mixed in from the second file
        shared.source shouldBe first
        config.users.getValue("shared").token shouldBe "first-token"
        config.users.getValue("shared").username.shouldBeNull()
        config.contexts.getValue("shared").namespace shouldBe "first-ns"
        config.clusters.keys shouldContainExactlyInAnyOrder listOf("shared", "only-second", "only-third")
        config.clusters.getValue("only-second").source shouldBe second
        config.clusters.getValue("only-third").certificateAuthority shouldBe files.dir.resolve("three/ca.crt")
        config.files shouldContainExactly listOf(first, second, third)
    }

    test("the first file to set current-context wins") {
        KubeconfigLoader.load(first, second, third).currentContext shouldBe "from-second"
        KubeconfigLoader.load(third, second).currentContext shouldBe "from-third"
        KubeconfigLoader.load(first).currentContext.shouldBeNull()
    }

    test("KUBECONFIG is split on the path separator, skipping missing files and empty entries") {
        val missing = files.dir.resolve("nowhere/config")
        val sep = File.pathSeparator
        val env = files.env("KUBECONFIG" to "$missing$sep$sep$third$sep$first$sep")
        val config = KubeconfigLoader.fromEnvironment(env)
        config.files shouldContainExactly listOf(third, first)
        config.currentContext shouldBe "from-third"
    }

    test("KUBECONFIG listing the same file twice reads it once") {
        val env = files.env("KUBECONFIG" to "$first${File.pathSeparator}$first")
        KubeconfigLoader.fromEnvironment(env).files shouldContainExactly listOf(first)
    }

    test("without KUBECONFIG the home folder's .kube/config is read") {
        val home = files.dir.resolve("somehome")
        val inHome = files.write("somehome/.kube/config", KubeconfigFiles.simple())
        val config = KubeconfigLoader.fromEnvironment(files.env(home = home))
        config.files shouldContainExactly listOf(inHome)
        config.currentContext shouldBe "dev"
        KubeconfigLoader.fromEnvironment(files.env("KUBECONFIG" to "", home = home)).files shouldContainExactly listOf(inHome)
    }

    test("KUBECONFIG whose files are all missing gives an empty kubeconfig, without falling back to home") {
        files.write("fallback-home/.kube/config", KubeconfigFiles.simple())
        val env = files.env("KUBECONFIG" to files.dir.resolve("missing").toString(), home = files.dir.resolve("fallback-home"))
        val config = KubeconfigLoader.fromEnvironment(env)
        config.files shouldBe emptyList()
        config.isEmpty shouldBe true
    }

    test("no KUBECONFIG and no home kubeconfig gives an empty kubeconfig") {
        KubeconfigLoader.fromEnvironment(files.env()).isEmpty shouldBe true
        KubeconfigLoader.fromEnvironment(files.env(home = null)).isEmpty shouldBe true
    }

    test("an explicitly named file that is missing is an error naming it") {
        val missing = files.dir.resolve("explicit/missing-config")
        val e = shouldThrow<ConfigException> { KubeconfigLoader.load(first, missing) }
        e.message shouldContain missing.toString()
        e.message shouldContain "does not exist"
    }

    test("an explicitly named folder is an error") {
        val folder = Files.createDirectories(files.dir.resolve("a-folder"))
        shouldThrow<ConfigException> { KubeconfigLoader.load(folder) }.message shouldContain "not a regular file"
    }

    test("a file in KUBECONFIG that exists but is broken is an error, not skipped") {
        val broken = files.write("broken/config", "clusters: [")
        val env = files.env("KUBECONFIG" to "$first${File.pathSeparator}$broken")
        shouldThrow<ConfigException> { KubeconfigLoader.fromEnvironment(env) }.message shouldContain broken.toString()
    }

    test("a file that is not UTF-8 is an error naming it") {
        val latin = files.dir.resolve("latin/config")
        Files.createDirectories(latin.parent)
        Files.write(latin, byteArrayOf(0x61, 0x3a, 0x20, 0xff.toByte(), 0xfe.toByte(), 0x0a))
        shouldThrow<ConfigException> { KubeconfigLoader.load(latin) }.message shouldContain "$latin is not UTF-8"
    }
})
