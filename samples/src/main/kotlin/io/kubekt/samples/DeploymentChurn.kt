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
    val created = deployments.create(canary())
    println("Tour: created $namespace/$CHURNED_DEPLOYMENT with 1 replica")
    delay(PAUSE)
    deployments.update(created.edit { spec { replicas = 2 } })
    println("Tour: scaled $namespace/$CHURNED_DEPLOYMENT to 2 replicas")
    delay(PAUSE)
    deployments.delete(CHURNED_DEPLOYMENT)
    println("Tour: deleted $namespace/$CHURNED_DEPLOYMENT")
}

private val PAUSE = 300.milliseconds

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
