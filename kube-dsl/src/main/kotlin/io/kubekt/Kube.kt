package io.kubekt

import io.kubekt.client.KubeClient
import io.kubekt.client.KubeClientBuilder
import kotlinx.coroutines.runBlocking

/**
 * Runs [block] on a client configured like kubectl (`KubeClient(configure)`: kubeconfig, else
 * in-cluster), then closes the client: the entry point of Kotlin scripts and small `main`s.
 *
 * ```kotlin
 * kube { coreV1().pods("kube-system").list().items.forEach { println(it.metadata?.name) } }
 * ```
 * The block is a coroutine, so suspend calls read plainly; `kube` blocks the calling thread until
 * it returns (do not call it from a coroutine — use `KubeClient()` there).
 */
public fun <T> kube(configure: KubeClientBuilder.() -> Unit = {}, block: suspend KubeClient.() -> T): T =
    runBlocking { KubeClient(configure).use { client -> client.block() } }
