package io.kubekt.samples

import io.kubekt.client.KubeClient
import io.kubekt.error.ApiException
import kotlinx.coroutines.delay
import kotlin.time.Duration

/**
 * client-go's out-of-cluster example: [iterations] times, [interval] apart, count the pods of all
 * namespaces (`There are N pods in the cluster`), then look one pod up by name and say whether
 * it was found; a 404 is told apart from other errors by [ApiException.isNotFound] (client-go's
 * `errors.IsNotFound`), and the server's message of any other error answer is printed, as
 * client-go's example does. No answer at all ([io.kubekt.error.TransportException]) ends the loop.
 */
suspend fun countPods(client: KubeClient, iterations: Int, interval: Duration, namespace: String = "default", pod: String = "example-xxxxx") {
    println("Pods loop (Kotlin): $iterations times, $interval apart")
    repeat(iterations) { i ->
        if (i > 0) delay(interval)
        val pods = client.coreV1().pods().allNamespaces().list()
        println("There are ${pods.items.size} pods in the cluster")
        try {
            val found = client.coreV1().pods(namespace).get(pod)
            println("Found pod $pod in namespace $namespace (phase ${found.status?.phase})")
        } catch (e: ApiException) {
            if (e.isNotFound) {
                println("Pod $pod in namespace $namespace not found")
            } else {
                println("Error getting pod $pod in namespace $namespace: ${e.status.message}")
            }
        }
    }
}
