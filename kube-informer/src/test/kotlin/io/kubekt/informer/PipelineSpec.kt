@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.delta.DeltaQueue
import io.kubekt.informer.reflector.Reflector
import io.kubekt.informer.reflector.ReflectorConfig
import io.kubekt.informer.store.Store
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/** Reflector -> delta queue -> store against a scripted server: drops, 410, deletions while disconnected. */
class PipelineSpec : FunSpec({
    test("after a dropped stream and a 410 the store equals the server's list and vanished objects are final-state-unknown deletes") {
        runTest {
            val a = configMap("default", "a", "10")
            val b = configMap("default", "b", "11")
            val c = configMap("default", "c", "12")
            val a2 = configMap("default", "a", "20")
            val d = configMap("default", "d", "30")
            val fake = FakeListWatch()
                .answerList(Page(listOf(a, b, c), "12"))
                .answerWatch { emit(modified(a2)) } // the stream drops after one event
                .answerWatch { emit(deleted(c)); throw GONE } // c's deletion seen, then history compacted
                .answerList(Page(listOf(a2, d), "30")) // b vanished while we were away; d is new
            val queue = DeltaQueue<ConfigMap>()
            val store = Store<ConfigMap>()
            val changes = mutableListOf<String>()
            backgroundScope.launch { Reflector(fake, ReflectorConfig(), Random(1), testScheduler.timeSource).events().collect(queue::offer) }
            backgroundScope.launch { while (true) changes += store.apply(queue.take()).map { it.toString() } }
            testScheduler.advanceTimeBy(5.seconds)
            testScheduler.runCurrent()
            store.list() shouldContainExactlyInAnyOrder listOf(a2, d)
            store.list().map { it.metadata?.resourceVersion } shouldContainExactlyInAnyOrder listOf("20", "30")
            changes shouldContainExactly listOf(
                "Added($a, initial)", "Added($b, initial)", "Added($c, initial)",
                "Updated($a -> $a2)", "Deleted($c)",
                "Deleted($b, final state unknown)", "Added($d)",
            )
        }
    }
})
