package io.kubekt.samples

import io.kubekt.client.KubeClient

/**
 * client-go's Clientset demo: `clientset.CoreV1().Pods("default").List(ctx, ListOptions{Limit: 500})`
 * printed as `namespace: <ns>, name: <name>, status: <phase>`, then the deployments of `default`,
 * all of them and those a label selector picks.
 */
suspend fun clientsetListPods(client: KubeClient) {
    val pods = client.coreV1().pods("default").list { limit = 500 }
    println("Clientset (Kotlin): ${pods.items.size} pods in default (one page, limit 500)")
    for (pod in pods.items) {
        println("namespace: ${pod.metadata?.namespace}, name: ${pod.metadata?.name}, status: ${pod.status?.phase}")
    }

    val deployments = client.appsV1().deployments("default").list()
    println("Clientset (Kotlin): ${deployments.items.size} deployments in default")
    for (d in deployments.items) println("deployment: ${d.metadata?.name}, replicas: ${d.spec?.replicas}")

    val web = client.appsV1().deployments("default").list { labels { "app" eq "web" } }
    println("Clientset (Kotlin): deployments labelled app=web: ${web.items.map { it.metadata?.name }}")
}
