package io.kubekt.samples

import io.kubekt.api.KubeObject
import io.kubekt.api.core.v1.Pod
import io.kubekt.client.KubeClient
import io.kubekt.informer.informers
import io.kubekt.informer.store.StoreChange
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlin.time.Duration

/**
 * client-go's metadata informer: the metadata of every Pod in all namespaces cached as
 * `PartialObjectMetadata` (names, labels, owners, resourceVersion; no spec or status, so a
 * fraction of the memory: the way to follow many large objects, e.g. Secrets without holding
 * their data). Once synced it prints `N pods (metadata only) in M namespaces` and a count per
 * namespace from the lister, then `add|delete <ns>/<name>` for changes after the sync.
 *
 * It runs for [runFor] after [whileRunning] (e.g. a pod created and deleted); leaving the scope
 * stops the informer and closes its watch.
 */
suspend fun metadataInformerPods(client: KubeClient, runFor: Duration, whileRunning: suspend () -> Unit = {}) = coroutineScope {
    val informers = client.informers()
    val pods = informers.metadataInformer(Pod.RESOURCE) // all namespaces
    launch {
        pods.events().collect { change ->
            when (change) {
                is StoreChange.Added -> if (!change.inInitialList) println("add ${key(change.obj)}")
                is StoreChange.Deleted -> println("delete ${key(change.obj)}")
                is StoreChange.Updated -> {}
            }
        }
    }
    informers.start(this) // runs until this scope is cancelled
    informers.awaitSynced()

    val perNamespace = pods.lister().list().groupingBy { it.metadata?.namespace.orEmpty() }.eachCount().toSortedMap()
    println("Metadata informer (Kotlin): ${perNamespace.values.sum()} pods (metadata only) in ${perNamespace.size} namespaces")
    perNamespace.forEach { (namespace, count) -> println("  $namespace: $count") }

    whileRunning()
    delay(runFor)
    coroutineContext.cancelChildren() // stops the informer, its watch and the printer
    println("Metadata informer (Kotlin): stopped")
}

private fun key(obj: KubeObject): String = "${obj.metadata?.namespace}/${obj.metadata?.name}"
