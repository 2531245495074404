package io.kubekt.samples

import io.kubekt.api.core.v1.PodList
import io.kubekt.client.KubeClient
import io.kubekt.request.ListOptions

/**
 * client-go's RESTClient demo: `Get().Namespace("kube-system").Resource("pods")` with `limit=50`,
 * decoded into a typed `PodList`.
 */
suspend fun restClientListPods(client: KubeClient) {
    val pods: PodList = client.rest().get().namespace("kube-system").resource("pods")
        .params(ListOptions(limit = 50)).execute()
    val items = pods.items
    println("RESTClient (Kotlin): ${items.size} pods in kube-system (one page, limit 50)")
    for (pod in items.take(5)) println("  ${pod.metadata?.name}  ${pod.status?.phase}")
}
