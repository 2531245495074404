package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.ResourceType
import io.kubekt.request.PathSegments

/**
 * The typed clients of one resource type, by scope: pick [namespace], [defaultNamespace] or
 * [allNamespaces] for a namespaced resource, [cluster] for a cluster-scoped one.
 *
 * ```kotlin
 * val web = client.resources<Deployment>().namespace("default").get("web")
 * val crds = client.resources(CukCluster.RESOURCE).allNamespaces().list()
 * ```
 * ```java
 * Deployment web = client.resources(Deployment.class).namespace("default").get("web");
 * ```
 * Why no empty namespace: client-go reads `""` as "all namespaces", so a forgotten value widens
 * a call silently; here that is an [IllegalArgumentException] and all namespaces is a call of its own.
 */
public class Resources<T : KubeModel<T, *>, L : KubeList<T>> internal constructor(
    private val client: KubeClient,
    /** The resource these clients serve. */
    public val resource: ResourceType<T>,
) {
    /**
     * The client for [namespace].
     *
     * @throws IllegalArgumentException when [namespace] is empty or not a valid path segment, or
     *   the resource is cluster-scoped.
     */
    public fun namespace(namespace: String): ResourceClient<T, L> {
        require(namespace.isNotEmpty()) {
            "namespace must not be empty: for all namespaces call allNamespaces(), for the kubeconfig's call defaultNamespace()"
        }
        require(resource.namespaced) { "${resource.plural} are cluster-scoped: use cluster() instead of namespace(\"$namespace\")" }
        return ResourceClient(ResourceCalls(client, resource, PathSegments.requireValid("namespace", namespace)))
    }

    /** The client for the client's default namespace ([KubeClient.namespace]: the kubeconfig context's, else `default`). */
    public fun defaultNamespace(): ResourceClient<T, L> = namespace(client.namespace)

    /**
     * Reads across all namespaces.
     *
     * @throws IllegalArgumentException when the resource is cluster-scoped (use [cluster]).
     */
    public fun allNamespaces(): AllNamespacesClient<T, L> {
        require(resource.namespaced) { "${resource.plural} are cluster-scoped: use cluster() instead of allNamespaces()" }
        return AllNamespacesClient(ResourceCalls(client, resource, null))
    }

    /**
     * The client of a cluster-scoped resource.
     *
     * @throws IllegalArgumentException when the resource is namespaced (use [namespace]).
     */
    public fun cluster(): ResourceClient<T, L> {
        require(!resource.namespaced) {
            "${resource.plural} are namespaced: use namespace(name), defaultNamespace() or allNamespaces() instead of cluster()"
        }
        return ResourceClient(ResourceCalls(client, resource, null))
    }

    override fun toString(): String = "Resources($resource)"
}
