package io.kubekt.conformance.informer

import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.eventually
import io.kubekt.conformance.support.uniqueName
import io.kubekt.informer.SharedInformer
import io.kubekt.informer.reflector.ReflectorConfig
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.withTimeout
import org.slf4j.LoggerFactory
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * Issue 5's check (c): a watch the server keeps open but silent is closed and restarted at the
 * reflector's idle deadline, and nothing written meanwhile is lost; and the reflector asks the
 * server to end each watch (`timeoutSeconds`), which it does.
 */
class IdleWatchSpec : ConformanceSpec({
    val log = LoggerFactory.getLogger(IdleWatchSpec::class.java)
    val configMaps = client.coreV1().configMaps(namespace)

    fun configMap(name: String, run: String) = ConfigMap {
        metadata { this.name = name; labels = mapOf("kubekt-idle" to run) }
        data = mapOf("value" to "1")
    }

    suspend fun withInformer(run: String, watchTimeout: Duration, idleTimeout: Duration, block: suspend (SharedInformer<ConfigMap>, RecordingListWatch<ConfigMap>) -> Unit) {
        val recording = RecordingListWatch(configMaps)
        val informer = SharedInformer(recording, ReflectorConfig(labelSelector = "kubekt-idle=$run", watchTimeout = watchTimeout, idleTimeout = idleTimeout))
        val job = Job()
        informer.launchIn(CoroutineScope(job + Dispatchers.IO))
        try {
            withTimeout(60.seconds) { informer.awaitSynced() }
            block(informer, recording)
        } finally {
            job.cancelAndJoin()
        }
    }

    test("the reflector sends timeoutSeconds on its watches, the server ends each after it, and the informer watches on") {
        val run = uniqueName("t")
        withInformer(run, watchTimeout = 1.seconds, idleTimeout = 10.seconds) { informer, recording ->
            eventually("a watch is open") { recording.lastWatchOptions }.timeoutSeconds shouldBe 1L
            eventually("the server ended three watches by itself", 60) { true.takeIf { recording.watchesEnded.get() >= 3 } }
            recording.watchesCancelled.get() shouldBe 0 // none hit the idle deadline
            configMaps.create(configMap("after-timeouts", run))
            eventually("a change reaches the cache after the timeouts") { informer.lister().namespace(namespace).getOrNull("after-timeouts") }
            log.info("timeoutSeconds on {}: reflector {}", target.description, recording)
        }
    }

    faultTest("a stalled watch is restarted after the idle deadline and a change made during the stall reaches the cache") { server ->
        val run = uniqueName("s")
        withInformer(run, watchTimeout = 1.seconds, idleTimeout = 2.seconds) { informer, recording ->
            eventually("a watch is open") { true.takeIf { server.faults.openWatches() > 0 } }
            val watchRequests = server.requests.count("watch", "configmaps")
            val cancelled = recording.watchesCancelled.get()
            server.faults.stallWatches()
            configMaps.create(configMap("during-stall", run))
            eventually("the silent watch was closed at the idle deadline and a new watch requested", 30) {
                true.takeIf { recording.watchesCancelled.get() > cancelled && server.requests.count("watch", "configmaps") >= watchRequests + 2 }
            }
            informer.lister().namespace(namespace).getOrNull("during-stall") shouldBe null // the stall held the event back
            server.faults.resumeWatches()
            eventually("the change made during the stall reaches the cache") { informer.lister().namespace(namespace).getOrNull("during-stall") } shouldNotBe null
            server.requests.count("watch", "configmaps") shouldBeGreaterThanOrEqual watchRequests + 2
            log.info("idle restart: reflector {}", recording)
        }
    }
})
