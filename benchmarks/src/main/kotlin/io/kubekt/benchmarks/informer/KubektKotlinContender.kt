package io.kubekt.benchmarks.informer

import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.Pod
import io.kubekt.client.KubeClient
import io.kubekt.config.ClientConfig
import io.kubekt.config.ConfigOverrides
import io.kubekt.informer.SharedInformer
import io.kubekt.informer.SharedInformerFactory
import io.kubekt.informer.informers
import io.kubekt.request.ListOptions
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.job
import kotlinx.coroutines.runBlocking
import java.nio.file.Path

/**
 * kubekt through its Kotlin face: the same factory (default transform), started in a scope the
 * caller owns on `Dispatchers.Default` (as a program that runs its informers in its own coroutine
 * scope would) instead of the Java face's `Dispatchers.IO` scope.
 */
internal class KubektKotlinContender : Contender {
    private val informers = ArrayList<SharedInformer<*>>()
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private lateinit var client: KubeClient
    private lateinit var factory: SharedInformerFactory

    override fun connect(kubeconfig: Path) {
        client = KubeClient.create(ClientConfig.load(ConfigOverrides.NONE.withKubeconfig(kubeconfig)))
        factory = client.informers()
        runBlocking { client.resources(Pod::class.java).allNamespaces().list(ListOptions(limit = 1)) }
    }

    override fun startPodInformer() {
        informers += factory.informer<Pod>()
        startAndWait()
    }

    override fun startConfigMapInformers(namespaces: List<String>) {
        namespaces.forEach { informers += factory.informer<ConfigMap>(namespace = it) }
        startAndWait()
    }

    private fun startAndWait() = runBlocking {
        factory.start(scope)
        factory.awaitSynced()
    }

    override fun cached(): Int = informers.sumOf { it.lister().list().size }

    override fun close() {
        runBlocking { scope.coroutineContext.job.cancelAndJoin() }
        client.close()
    }
}
