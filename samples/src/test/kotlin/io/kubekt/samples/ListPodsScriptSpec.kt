package io.kubekt.samples

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import java.io.File
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Runs samples/scripts/list-pods.main.kts as a user would, in its own JVM through [runScript]'s
 * `main`, against an embedded kube-test server. kubekt comes from this build's classpath
 * (`--provided`), so the test passes on an empty local repository.
 */
class ListPodsScriptSpec : FunSpec({
    test("the list-pods script prints every pod of kube-system and nothing else") {
        EmbeddedCluster.start().use { cluster ->
            KubeClient.create(KubeconfigLoader.parse(cluster.kubeconfig, Path.of("kube-test")).toClientConfig()).use {
                cluster.seed(it)
            }
            val kubeconfig = Files.createTempFile("kubeconfig", ".yaml").toFile().apply { deleteOnExit(); writeText(cluster.kubeconfig) }
            val (code, output) = runScriptInNewJvm(File("scripts/list-pods.main.kts"), kubeconfig)

            withClue(output) {
                code shouldBe 0
                output shouldContain "3 pods in kube-system"
                val listed = output.lines().filter { it.startsWith("  ") }.map { it.trim().substringBefore(' ') }
                listed shouldContainExactlyInAnyOrder listOf("etcd-control-plane", "coredns-7db6d8ff4d-x2kqp", "kube-apiserver-control-plane")
            }
        }
    }
})

private fun withClue(clue: String, block: () -> Unit) = io.kotest.assertions.withClue(clue) { block() }

/** Runs the script in a new JVM with this test's classpath and KUBECONFIG=[kubeconfig]: exit code and output. */
private fun runScriptInNewJvm(script: File, kubeconfig: File): Pair<Int, String> {
    val classpath = System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path")
    val java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
    val output = Files.createTempFile("script", ".out").toFile().apply { deleteOnExit() }
    val process = ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
        "io.kubekt.samples.ScriptRunner", "--provided", script.path)
        .redirectErrorStream(true).redirectOutput(output)
        .apply { environment()["KUBECONFIG"] = kubeconfig.path; environment().remove("KUBERNETES_SERVICE_HOST") }
        .start()
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly()
        return -1 to "timed out after 5 minutes\n" + output.readText()
    }
    return process.exitValue() to output.readText()
}
