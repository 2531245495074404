package io.kubekt.samples

import io.kubekt.api.core.v1.Pod
import io.kubekt.client.KubeClient
import io.kubekt.request.DeleteOptions
import kotlinx.coroutines.delay
import kotlin.time.Duration.Companion.milliseconds

/** The Pod the tour creates and deletes while the metadata-only informer samples run. */
const val CHURNED_POD = "canary-pod"

/**
 * Creates [CHURNED_POD] in [namespace], then deletes it at once (grace period 0, so that a real
 * cluster removes it rather than marking it terminating), a short pause apart so that each
 * change reaches watchers as its own event.
 */
suspend fun churnPod(client: KubeClient, namespace: String) {
    val pods = client.coreV1().pods(namespace)
    // Each line is printed before its change, so that it comes before the events the change causes.
    println("Tour: creating pod $namespace/$CHURNED_POD")
    pods.create(Pod {
        metadata { name = CHURNED_POD; labels("app" to CHURNED_POD) }
        spec { container { name = "pause"; image = "registry.k8s.io/pause:3.9" } }
    })
    delay(PAUSE)
    println("Tour: deleting pod $namespace/$CHURNED_POD")
    pods.delete(CHURNED_POD, DeleteOptions(gracePeriodSeconds = 0))
}

private val PAUSE = 300.milliseconds
