package io.kubekt.conformance.informer

import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.client.KubeClient
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.uniqueName
import io.kubekt.informer.SharedInformer
import io.kubekt.informer.informers
import io.kubekt.request.LabelSelector
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.slf4j.LoggerFactory
import java.lang.management.ManagementFactory
import kotlin.time.Duration.Companion.seconds

/**
 * Issue 5's check (e): many informers on one client share a bounded number of threads and TCP
 * connections: going from 10 to 100 informers adds far fewer threads and connections than
 * informers. The numbers are logged and recorded in docs/benchmarks.md.
 */
class ManyInformersSpec : ConformanceSpec({
    val log = LoggerFactory.getLogger(ManyInformersSpec::class.java)
    val threads = ManagementFactory.getThreadMXBean()

    /** What [count] running informers cost on top of [threadsBefore] / [connectionsBefore]. */
    data class Usage(val informers: Int, val threads: Int, val peakThreads: Int, val connections: Int?)

    suspend fun measure(informerClient: KubeClient, run: String, count: Int, threadsBefore: Int, connectionsBefore: Int?): Usage {
        val job = Job()
        try {
            val factory = informerClient.informers()
            val all: List<SharedInformer<ConfigMap>> = (0 until count).map { factory.informer<ConfigMap>(namespace, LabelSelector.parse("kubekt-many=$run-$it")) }
            threads.resetPeakThreadCount()
            factory.start(CoroutineScope(job + Dispatchers.IO))
            withTimeout(120.seconds) { factory.awaitSynced() }
            all.forEachIndexed { i, informer -> informer.lister().list().map { it.metadata!!.name } shouldBe listOf("many-$i") }
            delay(2_000) // let the watches settle (bookmarks flow) before counting
            val server = target.server
            return Usage(count, threads.threadCount - threadsBefore, threads.peakThreadCount - threadsBefore, server?.let { it.openConnections() - connectionsBefore!! })
        } finally {
            job.cancelAndJoin()
        }
    }

    test("100 informers on one client sync and use a bounded number of threads and far fewer connections than informers") {
        val run = uniqueName("m")
        withContext(Dispatchers.IO) {
            coroutineScope {
                (0 until 100).forEach { i ->
                    launch { client.coreV1().configMaps(namespace).create(ConfigMap { metadata { name = "many-$i"; labels = mapOf("kubekt-many" to "$run-$i") } }) }
                }
            }
        }
        val server = target.server
        val informerClient = target.newClient { }
        try {
            informerClient.coreV1().configMaps(namespace).list { limit = 1 } // warm up: the client's connection and engine threads
            val threadsBefore = threads.threadCount
            val connectionsBefore = server?.openConnections()
            val ten = measure(informerClient, run, 10, threadsBefore, connectionsBefore)
            val hundred = measure(informerClient, run, 100, threadsBefore, connectionsBefore)
            log.info("informer threads and connections on {}: before {} threads; {}; {}", target.description, threadsBefore, ten, hundred)
            // one thread per informer would be >= 100 (and ten times the growth of 10 informers); the informers share
            // Dispatchers.IO (at most 64 threads, most of them idle workers it keeps for a while) and the HTTP client's threads
            hundred.threads shouldBeLessThan 80
            (hundred.threads - ten.threads) shouldBeLessThan 90 / 2
            hundred.connections?.let { it shouldBeLessThanOrEqual 10 } // HTTP/2 streams share connections
        } finally {
            informerClient.close()
        }
    }
})
