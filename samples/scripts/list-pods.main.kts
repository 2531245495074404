#!/usr/bin/env kotlin
// Lists the pods of kube-system, like client-go's Clientset demo, from a Kotlin script.
// Run without a kotlinc install (after `mvn -B install -DskipTests` at the root), from the root:
//   mvn -B -q -pl samples compile exec:exec@script -Dscript=samples/scripts/list-pods.main.kts
// or with kotlinc: `kotlin samples/scripts/list-pods.main.kts`. Connects like `kubectl`:
// KUBECONFIG or ~/.kube/config, else the in-cluster service account.
@file:DependsOn("io.kubekt:kube-dsl:0.1.0-SNAPSHOT")
@file:CompilerOptions("-jvm-target", "17")

import io.kubekt.kube

kube {
    val pods = coreV1().pods("kube-system").list { limit = 50 }.items.orEmpty()
    println("${pods.size} pods in kube-system")
    for (pod in pods) println("  ${pod.metadata?.name}  ${pod.status?.phase ?: "-"}")
}
