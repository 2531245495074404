package io.kubekt.samples

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path

/**
 * Runs the samples tour against its embedded, seeded kube-test server and checks what each sample
 * prints, so the samples are call-site tests of both languages in `mvn verify`.
 */
class TourSpec : FunSpec({
    var output = ""
    beforeSpec { output = captured { tour(arrayOf("--embedded")) } }
    fun lines() = output.lines()

    test("the tour runs against the embedded server") {
        lines().first() shouldContain "the tour runs against an embedded kube-test server"
    }

    test("the clientset samples print each pod of default as namespace, name and status, from Kotlin and Java") {
        withClue(output) {
            for (pod in listOf("web-0", "web-1")) {
                lines().count { it == "namespace: default, name: $pod, status: Pending" } shouldBe 2
            }
            lines() shouldContainAll listOf(
                "Clientset (Kotlin): 2 pods in default (one page, limit 500)",
                "Clientset (Java, blocking): 2 pods in default (one page, limit 500)",
            )
        }
    }

    test("the clientset samples list the deployments of default, and by label selector only app=web") {
        withClue(output) {
            lines().count { it == "deployment: api, replicas: 2" } shouldBe 2
            lines().count { it == "deployment: web, replicas: 2" } shouldBe 2
            lines() shouldContainAll listOf(
                "Clientset (Kotlin): deployments labelled app=web: [web]",
                "Clientset (Java, future): deployments labelled app=web: [web]",
            )
        }
    }

    test("the dynamic samples convert kube-system's pods to a PodList and list the CRD's objects") {
        withClue(output) {
            lines() shouldContainAll listOf(
                "Dynamic (Kotlin): 3 pods in kube-system, converted to a PodList",
                "Dynamic (Java): 3 pods in kube-system, converted to a PodList",
                "Dynamic (Kotlin): 2 CukClusterList items in default",
                "cukcluster: alpha, size: 3",
                "cukcluster: beta, size: 5",
                "Dynamic (Java): 2 CukClusterList items in default",
                "cukcluster: alpha, namespace: default",
                "cukcluster: beta, namespace: default",
            )
        }
    }

    test("the discovery samples print the first 15 resources each, then the same total") {
        withClue(output) {
            lines().filter { DISCOVERY_LINE.matches(it) } shouldHaveSize 30
            val totals = lines().mapNotNull { Regex("""Discovery \((Kotlin|Java)\): (\d+) resources""").matchEntire(it)?.groupValues?.get(2)?.toInt() }
            totals shouldHaveSize 2
            totals[0] shouldBe totals[1]
            totals[0] shouldBeGreaterThan 15
            lines() shouldContain "... and ${totals[0] - 15} more"
        }
    }

    test("the disk-cached discovery creates its folder in a temporary directory, and a second client reads it from disk") {
        withClue(output) {
            for (language in listOf("Kotlin", "Java")) {
                val created = Regex("""Disk cache \($language\): (\d+) resources discovered; cache folder (\S+) created""")
                    .matchEntire(lines().single { it.startsWith("Disk cache ($language): ") && "discovered" in it })
                created shouldNotBe null
                val (count, folder) = created!!.destructured
                folder shouldContain "kubekt-tour-discovery"
                Files.exists(Path.of(folder)) shouldBe false // the tour deletes its temporary folder
                lines() shouldContain "Disk cache ($language): a second discovery client found $count resources, served from disk: true"
            }
        }
    }

    test("the discovery sample prints every resource, built-in and custom, with its group and version") {
        val printed = EmbeddedCluster.start().use { cluster ->
            KubeClient.create(KubeconfigLoader.parse(cluster.kubeconfig, Path.of("kube-test")).toClientConfig()).use { client ->
                cluster.seed(client)
                captured { discoveryResources(client) }.lines()
            }
        }
        withClue(printed.joinToString("\n")) {
            printed shouldContainAll listOf(
                "name: pods, group: , version: v1",
                "name: namespaces, group: , version: v1",
                "name: deployments, group: apps, version: v1",
                "name: cukclusters, group: dubhe.welkin, version: v1alpha1",
            )
            printed.none { it.startsWith("... and") } shouldBe true
        }
    }
})

private val DISCOVERY_LINE = Regex("""name: \S+, group: \S*, version: \S+""")

/** What [block] prints to standard output (Kotlin's println and Java's System.out alike). */
private suspend fun captured(block: suspend () -> Unit): String {
    val original = System.out
    val buffer = ByteArrayOutputStream()
    System.setOut(PrintStream(buffer, true, Charsets.UTF_8))
    try {
        block()
    } finally {
        System.setOut(original)
    }
    return buffer.toString(Charsets.UTF_8)
}
