package io.kubekt.samples

import io.kubekt.client.KubeClient

/**
 * client-go's discovery demo: every resource the server serves (subresources included), printed
 * as `name: <resource>, group: <group>, version: <version>`; the first [maxLines], then a count.
 */
suspend fun discoveryResources(client: KubeClient, maxLines: Int = Int.MAX_VALUE) {
    var total = 0
    for (list in client.discovery().serverResources()) for (r in list.resources) {
        if (total++ < maxLines) println("name: ${r.name}, group: ${list.groupVersion.group}, version: ${list.groupVersion.version}")
    }
    if (total > maxLines) println("... and ${total - maxLines} more")
    println("Discovery (Kotlin): $total resources")
}
