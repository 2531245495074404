#!/usr/bin/env kotlin
// Lists the pods of kube-system, like client-go's RESTClient demo, from a Kotlin script.
// Run without a kotlinc install (after `mvn -B install -DskipTests` at the root), from the root:
//   mvn -B -q -pl samples compile exec:exec@script -Dscript=samples/scripts/list-pods.main.kts
// or with kotlinc: `kotlin samples/scripts/list-pods.main.kts`. Connects like `kubectl`:
// KUBECONFIG or ~/.kube/config, else the in-cluster service account.
@file:DependsOn("io.kubekt:kube-dsl:0.1.0-SNAPSHOT")
@file:CompilerOptions("-jvm-target", "17")

import io.kubekt.api.core.v1.PodList
import io.kubekt.client.KubeClient
import io.kubekt.request.ListOptions
import kotlinx.coroutines.runBlocking

// The script body is not a coroutine: runBlocking is its main.
runBlocking {
    KubeClient().use { client ->
        val pods = client.rest().get().namespace("kube-system").resource("pods")
            .params(ListOptions { limit = 50 }).execute<PodList>()
        val items = pods.items.orEmpty()
        println("${items.size} pods in kube-system")
        for (pod in items) println("  ${pod.metadata?.name}  ${pod.status?.phase ?: "-"}")
    }
}
