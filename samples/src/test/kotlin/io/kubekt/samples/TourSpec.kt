package io.kubekt.samples

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import io.kubekt.test.KubeTestServer
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import kotlin.time.Duration.Companion.seconds

/**
 * Runs the samples tour against its embedded, seeded kube-test server and checks what each sample
 * prints, so the samples are call-site tests of both languages in `mvn verify`.
 */
class TourSpec : FunSpec({
    var output = ""
    beforeSpec { output = captured { tour(arrayOf("--embedded")) } }
    fun lines() = output.lines()

    /** The lines from the first one starting with [start] up to (not including) the next one starting with [end] (null: the end). */
    fun between(start: String, end: String?): List<String> {
        val from = lines().indexOfFirst { it.startsWith(start) }
        withClue("no line starts with '$start'") { from shouldBeGreaterThanOrEqual 0 }
        val rest = lines().drop(from)
        val to = if (end == null) -1 else rest.drop(1).indexOfFirst { it.startsWith(end) }
        return if (to < 0) rest else rest.take(to + 1)
    }

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

    test("the informer samples print an add for every seeded Deployment, then an add, update and delete for the churned one") {
        withClue(output) {
            for (language in listOf("Kotlin", "Java")) {
                val printed = between("Informer ($language): watching", "Informer ($language): stopped")
                val expected = EmbeddedCluster.SEEDED_DEPLOYMENTS.map { (ns, name) -> "add $ns/$name" } +
                    listOf("add default/$CHURNED_DEPLOYMENT", "delete default/$CHURNED_DEPLOYMENT")
                printed shouldContainAll expected
                printed.count { it == "add default/$CHURNED_DEPLOYMENT" } shouldBe 1
                printed.count { it == "delete default/$CHURNED_DEPLOYMENT" } shouldBe 1
                // In order: added, then updated, then deleted. The churn pauses between changes so the
                // update arrives as its own event; an informer that fell behind more than that pause may
                // fold it into the add (as DeltaFIFO does), which is correct and must not fail the tour.
                val added = printed.indexOf("add default/$CHURNED_DEPLOYMENT")
                val deleted = printed.indexOf("delete default/$CHURNED_DEPLOYMENT")
                added shouldBeLessThan deleted
                printed.withIndex().filter { it.value == "update default/$CHURNED_DEPLOYMENT" }.forEach { (i, _) ->
                    i shouldBeGreaterThan added
                    i shouldBeLessThan deleted
                }
            }
        }
    }

    test("the informer samples list the seeded Deployments of default from the cache, numbered") {
        withClue(output) {
            val seeded = EmbeddedCluster.SEEDED_DEPLOYMENTS.filter { it.first == "default" }.map { it.second }
            for (language in listOf("Kotlin", "Java")) {
                val printed = between("Informer ($language): watching", "Informer ($language): stopped")
                printed shouldContain "Informer ($language): cache synced; ${seeded.size} deployments in default"
                val listed = printed.mapNotNull { Regex("""(\d+) -> (\S+)""").matchEntire(it)?.destructured }
                listed.map { it.component1() } shouldBe (1..seeded.size).map { it.toString() }
                listed.map { it.component2() }.toSet() shouldBe seeded.toSet()
            }
        }
    }

    test("the watch samples print the churned Deployment's ADDED, MODIFIED and DELETED events after the list") {
        withClue(output) {
            val seeded = EmbeddedCluster.SEEDED_DEPLOYMENTS.count { it.first == "default" }
            for (language in listOf("Kotlin", "Java")) {
                val printed = between("Watch ($language): ", "Watch ($language): stopped")
                printed.first() shouldMatch Regex("""Watch \($language\): $seeded deployments in default at resourceVersion \d+; watching for 2s""")
                printed.filter { Regex("(ADDED|MODIFIED|DELETED) .*").matches(it) } shouldBe listOf(
                    "ADDED default/$CHURNED_DEPLOYMENT (replicas 1)",
                    "MODIFIED default/$CHURNED_DEPLOYMENT (replicas 2)",
                    "DELETED default/$CHURNED_DEPLOYMENT (replicas 2)",
                )
            }
        }
    }

    test("the list-only samples read every seeded Deployment from the cache, and those of default") {
        withClue(output) {
            val all = EmbeddedCluster.SEEDED_DEPLOYMENTS.map { (ns, name) -> "$ns/$name" }.sorted()
            val inDefault = EmbeddedCluster.SEEDED_DEPLOYMENTS.filter { it.first == "default" }.map { it.second }.sorted()
            for (language in listOf("Kotlin", "Java")) {
                val printed = between("Informer cache ($language): ${all.size} deployments in all namespaces", "Informer cache ($language): ")
                printed.drop(1).map { it.trim() } shouldBe all
                lines() shouldContain "Informer cache ($language): ${inDefault.size} deployments in default: $inDefault"
            }
        }
    }

    test("the metadata-only informer samples count the seeded pods per namespace, then print the tour pod's add and delete") {
        withClue(output) {
            val perNamespace = EmbeddedCluster.SEEDED_PODS.groupingBy { it.first }.eachCount().toSortedMap()
            for (language in listOf("Kotlin", "Java")) {
                val printed = between("Metadata informer ($language): ", "Metadata informer ($language): stopped")
                printed.first() shouldBe "Metadata informer ($language): ${EmbeddedCluster.SEEDED_PODS.size} pods (metadata only) in ${perNamespace.size} namespaces"
                printed.drop(1).take(perNamespace.size) shouldBe perNamespace.map { (ns, count) -> "  $ns: $count" }
                // Only changes after the sync: no line for a seeded pod, one add and one delete for the tour's, in order.
                printed.filter { Regex("(add|delete) .*").matches(it) } shouldBe listOf("add default/$CHURNED_POD", "delete default/$CHURNED_POD")
            }
        }
    }

    test("the pods loops count the seeded pods three times each and do not find example-xxxxx") {
        withClue(output) {
            val count = "There are ${EmbeddedCluster.SEEDED_PODS.size} pods in the cluster"
            val notFound = "Pod example-xxxxx in namespace default not found"
            between("Pods loop (Kotlin): 3 times, 1s apart", "Pods loop (Java): ").drop(1) shouldBe List(3) { listOf(count, notFound) }.flatten()
            between("Pods loop (Java): 3 times, 1s apart", null).drop(1).filter { it.isNotEmpty() } shouldBe List(3) { listOf(count, notFound) }.flatten()
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

    test("the pods loops say when the pod they look up exists, and count every pod") {
        val printed = withSeededCluster { client ->
            captured {
                countPods(client, 1, 1.seconds, "default", "web-0")
                CountPodsJava.run(client, 1, java.time.Duration.ofSeconds(1), "demo", "worker-0")
            }.lines()
        }
        withClue(printed.joinToString("\n")) {
            printed.count { it == "There are ${EmbeddedCluster.SEEDED_PODS.size} pods in the cluster" } shouldBe 2
            printed shouldContainAll listOf(
                "Found pod web-0 in namespace default (phase Pending)",
                "Found pod worker-0 in namespace demo (phase Pending)",
            )
        }
    }

    test("the pods loops print the server's message for an error other than 404, as client-go's example does") {
        val server = KubeTestServer.builder().token("t", "viewer").authorize { !(it.verb == "get" && it.resource == "pods") }.start()
        val printed = try {
            KubeClient.create(KubeconfigLoader.parse(server.kubeconfigWithToken("t"), Path.of("kube-test")).toClientConfig()).use { client ->
                captured {
                    countPods(client, 1, 1.seconds, "default", "web-0")
                    CountPodsJava.run(client, 1, java.time.Duration.ofSeconds(1), "default", "web-0")
                }.lines()
            }
        } finally {
            server.stop()
        }
        withClue(printed.joinToString("\n")) {
            printed.count { it == "There are 0 pods in the cluster" } shouldBe 2
            printed.count {
                it == """Error getting pod web-0 in namespace default: pods "web-0" is forbidden: User "viewer" cannot get resource "pods" in API group "" in the namespace "default""""
            } shouldBe 2
        }
    }

    test("with --allow-writes the tour changes a namespace of its own, deleted at the end") {
        val (namespace, printed, after) = withSeededCluster { client ->
            var used = ""
            val printed = captured { withTourNamespace(client) { ns -> used = ns; churnDeployment(client, ns) } }
            Triple(used, printed, client.coreV1().namespaces().getOrNull(used))
        }
        withClue(printed) {
            namespace shouldStartWith "kubekt-tour-"
            printed.lines() shouldContainAll listOf(
                "Tour: created namespace $namespace for its changes",
                "Tour: creating $namespace/$CHURNED_DEPLOYMENT with 1 replica",
                "Tour: deleting $namespace/$CHURNED_DEPLOYMENT",
                "Tour: deleted namespace $namespace",
            )
            // Gone, or going: a real server first marks a namespace Terminating.
            (after == null || after.metadata?.deletionTimestamp != null) shouldBe true
        }
    }
})

/** [block] with a client of a new seeded embedded cluster, both closed afterwards. */
private suspend fun <R> withSeededCluster(block: suspend (KubeClient) -> R): R = EmbeddedCluster.start().use { cluster ->
    KubeClient.create(KubeconfigLoader.parse(cluster.kubeconfig, Path.of("kube-test")).toClientConfig()).use { client ->
        cluster.seed(client)
        block(client)
    }
}

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
