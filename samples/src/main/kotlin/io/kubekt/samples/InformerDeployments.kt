package io.kubekt.samples

import io.kubekt.api.KubeObject
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.client.KubeClient
import io.kubekt.informer.informers
import io.kubekt.informer.store.StoreChange
import kotlinx.coroutines.cancelChildren
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * client-go's informer demo: a shared informer factory with a 30 s resync, a Deployment informer
 * whose subscriber prints `add|update|delete <ns>/<name>`, started, waited for, then the
 * Deployments of `default` listed from the cache as `1 -> <name>`.
 *
 * The informers run in this function's scope for [runFor] after the listing (client-go's demo
 * runs until killed); [whileRunning] is called first, e.g. to change Deployments so that updates
 * and deletes show up. Leaving the scope stops the informers and closes their watch.
 */
suspend fun informerDeployments(client: KubeClient, runFor: Duration, whileRunning: suspend () -> Unit = {}) = coroutineScope {
    println("Informer (Kotlin): watching Deployments in all namespaces for $runFor, resync 30s")
    val informers = client.informers(resync = 30.seconds)
    val deployments = informers.informer<Deployment>()
    launch {
        deployments.events().collect { change ->
            when (change) {
                is StoreChange.Added -> println("add ${key(change.obj)}")
                is StoreChange.Updated -> println("update ${key(change.new)}")
                is StoreChange.Deleted -> println("delete ${key(change.obj)}")
            }
        }
    }
    informers.start(this) // runs until this scope is cancelled
    informers.awaitSynced()

    val cached = deployments.lister().namespace("default").list()
    println("Informer (Kotlin): cache synced; ${cached.size} deployments in default")
    cached.forEachIndexed { i, d -> println("${i + 1} -> ${d.metadata?.name}") }

    whileRunning()
    delay(runFor)
    coroutineContext.cancelChildren() // stops the informers, their watch and the printer
    println("Informer (Kotlin): stopped")
}

private fun key(obj: KubeObject): String = "${obj.metadata?.namespace}/${obj.metadata?.name}"
