package io.kubekt.conformance.informer

import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.eventually
import io.kubekt.conformance.support.uniqueName
import io.kubekt.informer.SharedInformer
import io.kubekt.informer.reflector.ReflectorConfig
import io.kubekt.request.ListOptions
import io.kubekt.test.KubeTestServer
import io.kubekt.test.RequestFilter
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.slf4j.LoggerFactory
import java.time.Duration
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/**
 * Issue 5's checks (a) and (b): an informer over 2,000 ConfigMaps under continuous writes ends
 * with exactly the server's state, and every handler saw each key's changes in order. On
 * kube-test the run also drops watch streams every few hundred events, compacts the history
 * (410 relists) and restarts the server once; on a real cluster it runs without the faults.
 */
class InformerChurnSpec : ConformanceSpec({
    val log = LoggerFactory.getLogger(InformerChurnSpec::class.java)
    val configMaps = client.coreV1().configMaps(namespace)

    suspend fun serverState(selector: String): Map<String, String> =
        configMaps.list(ListOptions(labelSelector = selector)).items.associate { it.metadata!!.name!! to it.metadata!!.resourceVersion!! }

    fun cacheState(informer: SharedInformer<ConfigMap>): Map<String, String> =
        informer.lister().list().associate { it.metadata!!.name!! to it.metadata!!.resourceVersion!! }

    /** Runs [block] with an informer over [churn]'s ConfigMaps (pages of 250) and its recording handler. */
    suspend fun withInformer(churn: ConfigMapChurn, block: suspend (SharedInformer<ConfigMap>, LastSeenHandler, RecordingListWatch<ConfigMap>) -> Unit) {
        val recording = RecordingListWatch(configMaps)
        val informer = SharedInformer(recording, ReflectorConfig(pageSize = 250, labelSelector = churn.selector))
        val handler = LastSeenHandler()
        informer.addHandler(handler)
        val job = Job()
        informer.launchIn(CoroutineScope(job + Dispatchers.IO))
        try {
            withTimeout(120.seconds) { informer.awaitSynced() }
            block(informer, handler, recording)
        } finally {
            job.cancelAndJoin()
        }
    }

    /** Waits until the cache equals the server's list and the handler's last view of every key is its final state. */
    suspend fun checkFinalState(churn: ConfigMapChurn, informer: SharedInformer<ConfigMap>, handler: LastSeenHandler) {
        val expected = eventually("the informer's cache equals the server's list (names and resourceVersions)", 120) {
            val server = serverState(churn.selector)
            server.takeIf { it == cacheState(informer) }
        }
        eventually("the handler's last view of every key is its final state", 60) {
            val wrong = handler.last.filter { (name, seen) -> seen != (expected[name] ?: LastSeenHandler.DELETED) } +
                expected.filterKeys { it !in handler.last }
            true.takeIf { wrong.isEmpty() }.also { if (it == null) log.info("handler differs on {} keys, e.g. {}", wrong.size, wrong.entries.take(3)) }
        }
        handler.violations.shouldBeEmpty()
    }

    /**
     * Faults at points of progress through [ops] churn operations: drops every tenth, one
     * restart, and three times a 410 relist: the watch is stalled while writes go on, the
     * history compacted past what it delivered, and the stream dropped, so it resumes from a
     * compacted resourceVersion.
     */
    fun faults(server: KubeTestServer, ops: Int): suspend (Int) -> Unit = { op ->
        when (op) {
            ops / 5, 2 * ops / 5, 4 * ops / 5 -> server.faults.stallWatches()
            ops / 5 + 40, 2 * ops / 5 + 40, 4 * ops / 5 + 40 -> server.faults.compactHistory().dropWatches().resumeWatches()
            3 * ops / 5 -> server.faults.restart(keepState = true)
            else -> if (op % (ops / 10) == 0) server.faults.dropWatchesAfter(200)
        }
    }

    test("an informer over 2,000 ConfigMaps under churn (dropped watches, compactions, a restart on kube-test) ends equal to the server and its handler saw each final state") {
        val server = target.server
        val writer = target.newClient { qps = 2_000.0; burst = 4_000 }
        try {
            val churn = ConfigMapChurn(writer.coreV1().configMaps(namespace), uniqueName("a"))
            withContext(Dispatchers.IO) { churn.seed(OBJECTS, parallel = 8) }
            val listsBefore = server?.requests?.count("list", "configmaps") ?: 0
            withInformer(churn) { informer, handler, recording ->
                informer.lister().list().size shouldBe OBJECTS
                withContext(Dispatchers.IO) {
                    coroutineScope {
                        launch { churn.countUp((0 until 10).map { "${churn.run}-seq-$it" }, updates = 20) }
                        churn.churn(CHURN_OPS, names = OBJECTS + OBJECTS / 5, writers = 6, Random(5)) { op -> server?.let { faults(it, CHURN_OPS)(op) } }
                    }
                }
                server?.faults?.resumeWatches() // in case the writers reached the stall and its resume out of order
                checkFinalState(churn, informer, handler)
                (0 until 10).forEach { handler.last["${churn.run}-seq-$it"] shouldBe LastSeenHandler.DELETED }
                log.info("churn (a) on {}: {} writes ({} failed); reflector {}; handler {}; server list requests {}",
                    target.description, churn.writes, churn.failedWrites, recording, handler, (server?.requests?.count("list", "configmaps") ?: 0) - listsBefore)
                if (server != null) {
                    recording.relists.get() shouldBeGreaterThanOrEqual 3 // the initial list and relists after the compactions (410)
                    recording.watches.get() shouldBeGreaterThan 6 // resumed after drops and the restart
                    recording.pages.get() shouldBeGreaterThanOrEqual 3 * OBJECTS / 250
                }
            }
        } finally {
            writer.close()
        }
    }

    test("per key, handlers see the updates in the server's order (an increasing counter) and the delete last, across drops and relists") {
        val server = target.server
        val writer = target.newClient { qps = 2_000.0; burst = 4_000 }
        try {
            val churn = ConfigMapChurn(writer.coreV1().configMaps(namespace), uniqueName("b"))
            val keys = (0 until 20).map { "${churn.run}-seq-$it" }
            withInformer(churn) { informer, handler, recording ->
                withContext(Dispatchers.IO) {
                    coroutineScope {
                        launch { churn.countUp(keys, updates = 25) }
                        if (server != null) launch {
                            var round = 0
                            while (keys.any { handler.last[it] != LastSeenHandler.DELETED } && round < 200) {
                                kotlinx.coroutines.delay(150)
                                round++
                                when (round % 4) {
                                    0 -> server.faults.stallWatches()
                                    1 -> server.faults.compactHistory().dropWatches().resumeWatches() // resumes from a compacted resourceVersion: 410
                                    else -> server.faults.dropWatchesAfter(20)
                                }
                            }
                            server.faults.resumeWatches()
                        }
                    }
                }
                checkFinalState(churn, informer, handler)
                handler.deletedSeqKeys shouldBe keys.toSet()
                log.info("per-key order (b) on {}: reflector {}; handler {}", target.description, recording, handler)
                if (server != null) recording.relists.get() shouldBeGreaterThanOrEqual 2
            }
        } finally {
            writer.close()
        }
    }

    faultTest("a list cut by a server restart is retried and the cache still ends equal to the server") { server ->
        val churn = ConfigMapChurn(configMaps, uniqueName("r"))
        withContext(Dispatchers.IO) { churn.seed(300, parallel = 4) }
        withInformer(churn) { informer, handler, recording ->
            server.faults.stallWatches()
            configMaps.create(churn.configMap("${churn.run}-written-during-the-stall", emptyMap()))
            server.faults.latency(Duration.ofMillis(700), RequestFilter.of("list", "configmaps"))
            val lists = server.requests.count("list", "configmaps")
            server.faults.compactHistory().dropWatches().resumeWatches() // the watch resumes from a compacted resourceVersion: 410, relist
            eventually("the relist's first page is in flight") { true.takeIf { server.requests.count("list", "configmaps") > lists } }
            server.faults.restart(keepState = true)
            server.faults.clear()
            configMaps.delete(churn.name(7))
            checkFinalState(churn, informer, handler)
            informer.lister().list().size shouldBe 300 // 299 seeded and one written during the stall
            handler.last[churn.name(7)] shouldBe LastSeenHandler.DELETED
            val listed = server.requests.count("list", "configmaps") - lists
            log.info("list cut by a restart: reflector {}; list requests since the relist began {}", recording, listed)
            recording.relists.get() shouldBeGreaterThanOrEqual 2
            listed shouldBeGreaterThanOrEqual 3L // the page the restart cut, that page again (retried), the second page
        }
    }
}) {
    private companion object {
        const val OBJECTS = 2_000
        const val CHURN_OPS = 1_500
    }
}
