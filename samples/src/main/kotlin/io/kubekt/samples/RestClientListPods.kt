package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.request.ListOptions
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * client-go's RESTClient demo: `Get().Namespace("kube-system").Resource("pods")` with `limit=50`,
 * decoded into a JSON tree (typed `PodList` arrives with the generated models).
 */
suspend fun restClientListPods(client: KubeClient) {
    val pods: JsonObject = client.rest().get().namespace("kube-system").resource("pods")
        .params(ListOptions(limit = 50)).execute()
    val items = pods["items"]?.jsonArray.orEmpty()
    println("RESTClient (Kotlin): ${items.size} pods in kube-system (one page, limit 50)")
    for (pod in items.take(5)) {
        val metadata = pod.jsonObject["metadata"]?.jsonObject
        val phase = pod.jsonObject["status"]?.jsonObject?.get("phase")?.jsonPrimitive?.content
        println("  ${metadata?.get("name")?.jsonPrimitive?.content}  $phase")
    }
}
