@file:JvmName("Tour")

package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.config.KubeconfigLoader
import io.kubekt.error.KubeException
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * The samples tour: runs every sample, in Kotlin and Java, against the current kubeconfig's
 * cluster, or against an embedded kube-test server when no cluster is reachable.
 *
 * Against a real cluster the tour only reads (the disk-cached discovery writes its files to a
 * temporary folder, deleted at the end). Flags: `--embedded` always uses kube-test.
 */
suspend fun main(args: Array<String>) = tour(args)

/** The tour with [args] (see [main]); its output goes to standard output. */
suspend fun tour(args: Array<String>) {
    val embeddedOnly = "--embedded" in args
    val cluster = if (embeddedOnly) null else reachableCluster()
    if (cluster != null) {
        println("kubekt tour against ${cluster.config.server} (context ${cluster.config.contextName ?: "-"}); read-only")
        cluster.use { runSamples(it) }
    } else {
        EmbeddedCluster.start().use { embedded ->
            println("No cluster reachable ($reason): the tour runs against an embedded kube-test server at ${embedded.server.url}")
            val client = KubeClient.create(KubeconfigLoader.parse(embedded.kubeconfig, Path.of("kube-test")).toClientConfig())
            client.use {
                embedded.seed(it)
                runSamples(it)
            }
        }
    }
}

/** Discovery lines the tour prints before it gives a count instead. */
private const val DISCOVERY_LINES = 15

private suspend fun runSamples(client: KubeClient) {
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
