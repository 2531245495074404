package io.kubekt.samples

import io.kubekt.api.GroupVersionResource
import io.kubekt.api.core.v1.PodList
import io.kubekt.client.KubeClient
import io.kubekt.discovery.GroupVersion

/** The custom resource the dynamic samples list: kube-dsl's test CRD, seeded in the embedded cluster. */
val CUK_CLUSTERS = GroupVersionResource("dubhe.welkin", "v1alpha1", "cukclusters")

/**
 * client-go's dynamic client demo: `dynamicClient.Resource(gvr).Namespace(ns).List(...)` over
 * unstructured objects, converted to a typed `PodList` (client-go's `FromUnstructured`); then the
 * objects of a CRD, when discovery says the server serves it.
 */
suspend fun dynamicListPods(client: KubeClient) {
    val list = client.dynamic(GroupVersionResource("", "v1", "pods")).namespace("kube-system").list()
    val typed: PodList = list.to<PodList>()
    println("Dynamic (Kotlin): ${list.items.size} pods in kube-system, converted to a ${typed.kind}")
    for (pod in typed.items) println("  ${pod.metadata?.name}  ${pod.status?.phase}")

    if (!servesCukClusters(client)) {
        println("Dynamic (Kotlin): the server has no ${CUK_CLUSTERS.resource}.${CUK_CLUSTERS.group} resource; skipping the CRD listing")
        return
    }
    val cuks = client.dynamic(CUK_CLUSTERS).namespace("default").list()
    println("Dynamic (Kotlin): ${cuks.items.size} ${cuks.kind} items in default")
    for (cuk in cuks.items) println("cukcluster: ${cuk.name}, size: ${cuk.at("spec", "size")}")
}

/** Whether discovery lists the CRD's resource in its group version (client-go: ServerResourcesForGroupVersion). */
private suspend fun servesCukClusters(client: KubeClient): Boolean {
    val resources = client.discovery().serverResourcesFor(GroupVersion(CUK_CLUSTERS.group, CUK_CLUSTERS.version))
    return resources?.resources.orEmpty().any { it.name == CUK_CLUSTERS.resource }
}
