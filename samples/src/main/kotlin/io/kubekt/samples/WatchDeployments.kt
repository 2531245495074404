package io.kubekt.samples

import io.kubekt.api.apps.v1.Deployment
import io.kubekt.client.KubeClient
import io.kubekt.informer.watch.resumableWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlin.time.Duration

/**
 * The watch-only variant of the informer demo: no cache, just the Deployments of [namespace] as
 * a cold Flow of typed events, printed as `ADDED|MODIFIED|DELETED <ns>/<name> (replicas n)`.
 *
 * It lists first and watches from the list's resourceVersion, so that no change made after the
 * list is missed however long the watch takes to connect. The watch runs for [runFor] after
 * [whileRunning] (e.g. changes that show up as events); leaving the scope cancels the collection,
 * which closes the watch connection. The resumable watch reopens itself from the last
 * resourceVersion after a dropped connection; a 410 Gone ends it (relist then, or use an informer).
 */
suspend fun watchDeployments(client: KubeClient, namespace: String, runFor: Duration, whileRunning: suspend () -> Unit = {}) = coroutineScope {
    val deployments = client.appsV1().deployments(namespace)
    val list = deployments.list()
    val from = list.metadata?.resourceVersion
    println("Watch (Kotlin): ${list.items.size} deployments in $namespace at resourceVersion $from; watching for $runFor")
    val watching = launch {
        deployments.resumableWatch(from!!).collect { event -> describe(event)?.let(::println) }
    }
    whileRunning()
    delay(runFor)
    watching.cancel() // closes the watch connection
    println("Watch (Kotlin): stopped")
}

private fun describe(event: WatchEvent<Deployment>): String? = when (event) {
    is WatchEvent.Added -> "ADDED ${line(event.obj)}"
    is WatchEvent.Modified -> "MODIFIED ${line(event.obj)}"
    is WatchEvent.Deleted -> "DELETED ${line(event.obj)}"
    is WatchEvent.Bookmark -> null // progress markers the resumable watch asks for
}

private fun line(d: Deployment): String = "${d.metadata?.namespace}/${d.metadata?.name} (replicas ${d.spec?.replicas})"
