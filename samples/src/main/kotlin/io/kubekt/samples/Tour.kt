@file:JvmName("Tour")

package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import io.kubekt.error.KubeException
import java.nio.file.Files
import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import java.time.Duration
import kotlin.time.Duration.Companion.seconds
import kotlin.time.toJavaDuration

/**
 * The samples tour: runs every sample, in Kotlin and Java, against the current kubeconfig's
 * cluster, or against an embedded kube-test server when no cluster is reachable.
 *
 * Against a real cluster the tour only reads (the disk-cached discovery writes its files to a
 * temporary folder, deleted at the end), unless `--allow-writes` is given: then, while the
 * informer and watch samples run, it creates, scales and deletes a Deployment ([churnDeployment]),
 * and while the metadata-only informer runs, it creates and deletes a Pod ([churnPod]),
 * inside a namespace it creates for the purpose and deletes at the end ([withTourNamespace]).
 * Against kube-test it always makes those changes, in `default`.
 *
 * Flags: `--embedded` always uses kube-test; `--allow-writes` lets the tour change a real cluster
 * as above.
 */
suspend fun main(args: Array<String>) = tour(args)

/** The tour with [args] (see [main]); its output goes to standard output. */
suspend fun tour(args: Array<String>) {
    val embeddedOnly = "--embedded" in args
    val allowWrites = "--allow-writes" in args
    val cluster = if (embeddedOnly) null else reachableCluster()
    if (cluster != null) {
        val mode = if (allowWrites) "changes only in a namespace of its own" else "read-only"
        println("kubekt tour against ${cluster.config.server} (context ${cluster.config.contextName ?: "-"}); $mode")
        cluster.use { client ->
            if (allowWrites) withTourNamespace(client) { namespace -> runSamples(client, namespace) } else runSamples(client, null)
        }
    } else {
        EmbeddedCluster.start().use { embedded ->
            println("No cluster reachable ($reason): the tour runs against an embedded kube-test server at ${embedded.server.url}")
            val client = KubeClient.create(KubeconfigLoader.parse(embedded.kubeconfig, Path.of("kube-test")).toClientConfig())
            client.use {
                embedded.seed(it)
                runSamples(it, "default")
            }
        }
    }
}

/** Discovery lines the tour prints before it gives a count instead. */
private const val DISCOVERY_LINES = 15

/** How long the informer and watch samples run after the tour's changes, to print their events. */
private val RUN_FOR = 2.seconds

/** How long the metadata-only informer samples run after the tour's pod was created and deleted. */
private val METADATA_RUN_FOR = 1.seconds

/** The pods loop: iterations and the pause between them. */
private const val LOOP_ITERATIONS = 3
private val LOOP_INTERVAL = 1.seconds

/** Runs every sample; [writable] is the namespace where the tour may change Deployments, null for none. */
private suspend fun runSamples(client: KubeClient, writable: String?) {
    section("RESTClient") {
        restClientListPods(client)
        RestClientListPodsJava.run(client)
    }
    section("Clientset") {
        clientsetListPods(client)
        ClientsetListPodsJava.run(client)
    }
    section("Dynamic client") {
        dynamicListPods(client)
        DynamicListPodsJava.run(client)
    }
    section("Discovery") {
        discoveryResources(client, DISCOVERY_LINES)
        DiscoveryResourcesJava.run(client, DISCOVERY_LINES)
    }
    // A temporary folder, not the user's ~/.kube/cache: the tour leaves nothing behind.
    val cacheDirectory = Files.createTempDirectory("kubekt-tour-discovery")
    try {
        section("Disk-cached discovery") {
            diskCachedDiscovery(client, cacheDirectory.resolve("kotlin"))
            DiscoveryResourcesJava.runDiskCached(client, cacheDirectory.resolve("java"))
        }
    } finally {
        cacheDirectory.toFile().deleteRecursively()
    }
    runInformerSamples(client, writable)
    section("Pods loop") {
        countPods(client, LOOP_ITERATIONS, LOOP_INTERVAL)
        CountPodsJava.run(client, LOOP_ITERATIONS, LOOP_INTERVAL.toJavaDuration(), "default", "example-xxxxx")
    }
}

/**
 * The informer, watch, list-only and metadata-only informer samples; all but the list-only ones
 * see the tour's changes in [writable] (a Deployment; a Pod for the metadata-only informer).
 */
private suspend fun runInformerSamples(client: KubeClient, writable: String?) {
    val churn: suspend () -> Unit = { if (writable != null) churnDeployment(client, writable) }
    val churnBlocking = Runnable { runBlocking { churn() } }
    section("Informer") {
        informerDeployments(client, RUN_FOR, churn)
        InformerDeploymentsJava.run(client, RUN_FOR.toJavaDuration(), churnBlocking)
    }
    val watched = writable ?: "default"
    section("Watch") {
        watchDeployments(client, watched, RUN_FOR, churn)
        WatchDeploymentsJava.run(client, watched, RUN_FOR.toJavaDuration(), churnBlocking)
    }
    section("Informer cache (list-only)") {
        listDeploymentsFromCache(client, "default")
        ListDeploymentsFromCacheJava.run(client, "default")
    }
    val podChurn: suspend () -> Unit = { if (writable != null) churnPod(client, writable) }
    section("Metadata-only informer") {
        metadataInformerPods(client, METADATA_RUN_FOR, podChurn)
        MetadataInformerPodsJava.run(client, METADATA_RUN_FOR.toJavaDuration()) { runBlocking { podChurn() } }
    }
}

private suspend fun section(title: String, block: suspend () -> Unit) {
    println()
    println("== $title ==")
    block()
}

/** Why [reachableCluster] found none, for the one line the tour prints. */
private var reason = "--embedded given"

/** The current kubeconfig's cluster if it answers `/version` within a few seconds, else null. */
private suspend fun reachableCluster(): KubeClient? {
    val client = try {
        KubeClient { requestTimeout = Duration.ofSeconds(5); retry = io.kubekt.transport.RetryConfig.NONE }
    } catch (e: KubeException) {
        reason = "no usable kubeconfig: ${e.message?.substringBefore('.')}"
        return null
    }
    return try {
        client.rest().get().absPath("version").executeString()
        client
    } catch (e: KubeException) {
        reason = "${client.config.server} not reachable: ${e.message?.substringBefore('.')}"
        client.close()
        null
    }
}
