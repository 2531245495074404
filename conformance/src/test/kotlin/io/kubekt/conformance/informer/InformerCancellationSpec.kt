package io.kubekt.conformance.informer

import io.kotest.assertions.withClue
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.Service
import io.kubekt.api.core.v1.ServiceAccount
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.eventually
import io.kubekt.conformance.support.uniqueName
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.ResourceEventHandler
import io.kubekt.informer.informers
import io.kubekt.informer.queue.WorkQueue
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import org.slf4j.LoggerFactory
import java.util.concurrent.ConcurrentHashMap
import kotlin.time.Duration.Companion.seconds

/**
 * Issue 5's check (d): cancelling the scope informers run in stops every coroutine they started
 * and closes their watches; closing the client then leaves no connection of it open.
 */
class InformerCancellationSpec : ConformanceSpec({
    val log = LoggerFactory.getLogger(InformerCancellationSpec::class.java)

    /** Runs informers on a client of their own in a scope, cancels the scope, closes the client; returns the open watches before. */
    suspend fun runAndCancel(warmUp: Boolean, whileRunning: suspend () -> Unit = {}): Int? {
        val server = target.server
        val watchesBefore = server?.faults?.openWatches()
        val informerClient = target.newClient { }
        if (warmUp) informerClient.coreV1().configMaps(namespace).list { limit = 1 }
        val job = Job()
        val scope = CoroutineScope(job + Dispatchers.IO)
        val processed = ConcurrentHashMap.newKeySet<ObjectKey>()
        try {
            val informers = informerClient.informers(resync = 1.seconds)
            val queue = WorkQueue<ObjectKey>()
            informers.informer<ConfigMap>(namespace).addHandler(object : ResourceEventHandler<ConfigMap> {
                override fun onAdd(obj: ConfigMap, inInitialList: Boolean) = queue.add(ObjectKey.of(obj))
                override fun onUpdate(oldObj: ConfigMap, newObj: ConfigMap) = queue.add(ObjectKey.of(newObj))
            })
            informers.informer<ServiceAccount>(namespace).addHandler(object : ResourceEventHandler<ServiceAccount> {})
            informers.informer<Service>(namespace).events().let { flow -> scope.launch { flow.collect { } } }
            informers.start(scope)
            scope.launch { queue.runWorkers(2) { key -> processed += key } }
            withTimeout(60.seconds) { informers.awaitSynced() }
            val name = uniqueName("cancel-me")
            client.coreV1().configMaps(namespace).create(ConfigMap { metadata { this.name = name } })
            eventually("the worker processed the ConfigMap's key") { true.takeIf { ObjectKey(namespace, name) in processed } }
            if (server != null) eventually("3 more watches are open") { true.takeIf { server.faults.openWatches() >= watchesBefore!! + 3 } }
            whileRunning()
            job.children.count() shouldBe 5 // three informers, the Flow subscriber, the workers
            job.cancelAndJoin()
            job.children.toList().shouldBeEmpty()
            job.isActive shouldBe false
            if (server != null) eventually("the informers' watches are closed") { true.takeIf { server.faults.openWatches() == watchesBefore } }
        } finally {
            job.cancelAndJoin()
            informerClient.close()
        }
        return watchesBefore
    }

    test("cancelling the scope of a factory with 3 informers, handlers and a work-queue worker leaves no running coroutine, no open watch and, after close, no connection") {
        val server = target.server
        client.coreV1().configMaps(namespace).list { limit = 1 } // the shared client's connection is open before the baseline
        val connectionsBefore = server?.openConnections()
        val watchesBefore = runAndCancel(warmUp = true)
        if (server != null) {
            // JDK 17's HTTP client has no close (JDK 21 adds one): its connections close once the closed client is garbage collected.
            eventually("the closed client's connections are closed", 60) { System.gc(); true.takeIf { server.openConnections() <= connectionsBefore!! } }
            log.info("cancellation: watches back to {}, connections back to {} (from {})", watchesBefore, server.openConnections(), connectionsBefore)
        }
    }

    // The JDK 17 HTTP client opens a connection per request when a client's first requests are concurrent, keeps
    // one and leaves the others open until it is garbage collected; kube-runtime lets the first request open the
    // connection before the others go (ConnectionGate), so a cold client starting informers uses one connection.
    kubeTestOnly(
        "informers started on a cold client share one connection, and none is left open after the scope is cancelled and the client closed",
        "counts the server's TCP connections",
    ) { server ->
        client.coreV1().configMaps(namespace).list { limit = 1 }
        val connectionsBefore = server.openConnections()
        runAndCancel(warmUp = false) {
            withClue("connections while 3 informers of a new client run (before: $connectionsBefore)") {
                server.openConnections() shouldBeLessThanOrEqual connectionsBefore + 1
            }
        }
        val closed = eventually("the closed client's connections are closed", 60) { System.gc(); true.takeIf { server.openConnections() <= connectionsBefore } }
        closed shouldBe true
    }
})
