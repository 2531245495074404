package io.kubekt.conformance.informer

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.error.ApiException
import io.kubekt.informer.watch.resumableWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.filterNot
import kotlinx.coroutines.supervisorScope
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.takeWhile
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.time.Duration.Companion.seconds

/**
 * The resumable watch over the typed ConfigMap client: it follows one object's updates from a
 * resourceVersion across dropped streams (kube-test's faults), and ends with 410 once the
 * history it would resume from is compacted.
 */
class ResumableWatchSpec : ConformanceSpec({
    val configMaps = client.coreV1().configMaps(namespace)

    suspend fun created(name: String): ConfigMap = configMaps.create(ConfigMap { metadata { this.name = name }; data = mapOf("value" to "0") })

    suspend fun update(name: String, value: Int) {
        val current = configMaps.get(name)
        configMaps.update(current.edit { data = mapOf("value" to "$value") })
    }

    /** The values of [name]'s updates seen from [rv] until the value [last], bookmarks left out. */
    fun values(name: String, rv: String, last: Int) =
        configMaps.resumableWatch(rv) { fieldSelector = "metadata.name=$name" }
            .filterNot { it is WatchEvent.Bookmark }
            .map { (it as WatchEvent.Modified).obj.data!!["value"]!!.toInt() }
            .takeWhile { it != last }

    test("follows every update of an object from a list's resourceVersion, in order") {
        val start = created("steady")
        coroutineScope {
            val seen = async(start = CoroutineStart.UNDISPATCHED) { withTimeout(60.seconds) { values("steady", start.metadata!!.resourceVersion!!, 20).toList() } }
            for (i in 1..20) update("steady", i)
            seen.await() shouldContainExactly (1..19).toList()
        }
    }

    faultTest("sees each of 300 updates exactly once and in order while watch streams are dropped again and again") { server ->
        val start = created("churn")
        val watchesBefore = server.requests.count("watch", "configmaps")
        coroutineScope {
            val seen = async(start = CoroutineStart.UNDISPATCHED) { withTimeout(120.seconds) { values("churn", start.metadata!!.resourceVersion!!, 300).toList() } }
            for (i in 1..300) {
                update("churn", i)
                if (i % 25 == 0) server.faults.dropWatchesAfter(50)
                if (i % 60 == 0) server.faults.dropWatches()
            }
            seen.await() shouldContainExactly (1..299).toList()
        }
        // the watch was reopened (more than once): the test exercised resumption
        (server.requests.count("watch", "configmaps") - watchesBefore) shouldBeGreaterThan 2L
    }

    faultTest("ends with a 410 ApiException when the history to resume from was compacted") { server ->
        val start = created("compacted")
        val seen = ConcurrentLinkedQueue<Int>()
        supervisorScope { // the watch failing must not cancel the test
            val watch = async {
                withTimeout(60.seconds) { values("compacted", start.metadata!!.resourceVersion!!, -1).collect { seen += it } }
            }
            update("compacted", 1)
            withTimeout(30.seconds) { while (seen.isEmpty()) delay(20) }
            server.faults.stallWatches() // nothing more reaches the watch, bookmarks neither
            update("compacted", 2)
            server.faults.compactHistory().dropWatches().resumeWatches()
            val error = shouldThrow<ApiException> { watch.await() }
            error.isGone shouldBe true
            seen.toList() shouldContainExactly listOf(1)
        }
    }
})
