package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIGroup
import io.kubekt.api.version.Info
import io.kubekt.client.KubeClient
import java.util.concurrent.CompletableFuture

/**
 * The `CompletableFuture` face of a [DiscoveryClient], for Java. Cancelling a future cancels its
 * HTTP calls; closing the client cancels the future.
 */
public class AsyncDiscoveryClient internal constructor(private val discovery: DiscoveryClient, private val client: KubeClient) {
    public fun serverVersion(): CompletableFuture<Info> = future { discovery.serverVersion() }
    public fun serverGroups(): CompletableFuture<List<APIGroup>> = future { discovery.serverGroups() }
    public fun serverResources(): CompletableFuture<List<ResourceList>> = future { discovery.serverResources() }
    public fun serverPreferredResources(): CompletableFuture<List<ResourceList>> = future { discovery.serverPreferredResources() }
    public fun serverResourcesFor(groupVersion: GroupVersion): CompletableFuture<ResourceList?> = future { discovery.serverResourcesFor(groupVersion) }
    public fun preferredVersion(group: String): CompletableFuture<String?> = future { discovery.preferredVersion(group) }

    private fun <T> future(block: suspend () -> T): CompletableFuture<T> {
        client.checkOpen()
        return client.bridge.future { block() }
    }
}
