package io.kubekt.samples

import io.kubekt.api.apps.v1.Deployment
import io.kubekt.client.KubeClient
import io.kubekt.informer.informers
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.coroutineScope

/**
 * The list-only variant of the informer demo: an informer without subscribers used as a cache.
 * Once synced, the Deployments are read from memory (no request per read): all of them, then
 * those of [namespace], printed as a count and `<ns>/<name>` lines.
 */
suspend fun listDeploymentsFromCache(client: KubeClient, namespace: String) = coroutineScope {
    val informers = client.informers()
    val deployments = informers.informer<Deployment>()
    informers.start(this)
    informers.awaitSynced()

    val all = deployments.lister().list().sortedWith(compareBy({ it.metadata?.namespace }, { it.metadata?.name }))
    println("Informer cache (Kotlin): ${all.size} deployments in all namespaces")
    for (d in all) println("  ${d.metadata?.namespace}/${d.metadata?.name}")
    val inNamespace = deployments.lister().namespace(namespace).list().mapNotNull { it.metadata?.name }.sorted()
    println("Informer cache (Kotlin): ${inNamespace.size} deployments in $namespace: $inNamespace")
    coroutineContext.cancelChildren() // stops the informer and closes its watch
}
