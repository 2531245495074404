package io.kubekt.samples

import io.kubekt.api.apps.v1.Deployment
import io.kubekt.client.KubeClient
import kotlinx.coroutines.delay
import kotlin.time.Duration.Companion.milliseconds

/** The Deployment the tour creates, scales and deletes while the informer and watch samples run. */
const val CHURNED_DEPLOYMENT = "canary"

/**
 * Creates [CHURNED_DEPLOYMENT] in [namespace] with one replica, scales it to two, then deletes it,
 * a short pause apart so that each change reaches watchers as its own event (an informer that
 * falls behind would fold them, as client-go's DeltaFIFO does).
 */
suspend fun churnDeployment(client: KubeClient, namespace: String) {
    val deployments = client.appsV1().deployments(namespace)
    // Each line is printed before its change, so that it comes before the events the change causes.
    println("Tour: creating $namespace/$CHURNED_DEPLOYMENT with 1 replica")
    val created = deployments.create(canary())
    delay(PAUSE)
    println("Tour: scaling $namespace/$CHURNED_DEPLOYMENT to 2 replicas")
    deployments.update(created.edit { spec { replicas = 2 } })
    delay(PAUSE)
    println("Tour: deleting $namespace/$CHURNED_DEPLOYMENT")
    deployments.delete(CHURNED_DEPLOYMENT)
}

private val PAUSE = 500.milliseconds

private fun canary(): Deployment = Deployment {
    metadata { name = CHURNED_DEPLOYMENT; labels("app" to CHURNED_DEPLOYMENT) }
    spec {
        replicas = 1
        selector { matchLabels("app" to CHURNED_DEPLOYMENT) }
        template {
            metadata { labels("app" to CHURNED_DEPLOYMENT) }
            spec { container { name = "web"; image = "nginx:1.27" } }
        }
    }
}
