@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer.delta

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.configMap
import io.kubekt.informer.reflector.ReflectorEvent
import io.kubekt.informer.reflector.RelistReason
import kotlinx.coroutines.async
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest

class DeltaQueueSpec : FunSpec({
    val a1 = configMap("default", "a", "1")
    val a2 = configMap("default", "a", "2")
    val a3 = configMap("default", "a", "3")
    val b1 = configMap("default", "b", "4")
    val keyA = ObjectKey("default", "a")

    fun DeltaQueue<ConfigMap>.drain(): List<String> = generateSequence { poll() }.map { it.toString() }.toList()

    test("keys come out in the order of their first pending change, each once") {
        val queue = DeltaQueue<ConfigMap>()
        queue.offer(ReflectorEvent.Added(a1))
        queue.offer(ReflectorEvent.Added(b1))
        queue.offer(ReflectorEvent.Modified(a2))
        queue.size shouldBe 2
        queue.drain() shouldContainExactly listOf("ForKey(default/a, [Added($a2)])", "ForKey(default/b, [Added($b1)])")
    }

    val compaction = listOf(
        "updates of an updated object keep the newest" to (listOf<ReflectorEvent<ConfigMap>>(ReflectorEvent.Modified(a1), ReflectorEvent.Modified(a2)) to "[Updated($a2)]"),
        "a deletion after changes is one deletion with the newest state" to (listOf(ReflectorEvent.Added(a1), ReflectorEvent.Modified(a2), ReflectorEvent.Deleted(a3)) to "[Deleted($a3)]"),
        "a re-created object keeps its deletion and its new state" to (listOf(ReflectorEvent.Deleted(a1), ReflectorEvent.Added(a2), ReflectorEvent.Modified(a3)) to "[Deleted($a1), Added($a3)]"),
        "consecutive deletions keep the last" to (listOf(ReflectorEvent.Deleted(a1), ReflectorEvent.Deleted(a2)) to "[Deleted($a2)]"),
        "a re-created object deleted again is one deletion" to (listOf(ReflectorEvent.Deleted(a1), ReflectorEvent.Added(a2), ReflectorEvent.Deleted(a3)) to "[Deleted($a3)]"),
    )
    compaction.forEach { (name, case) ->
        test("compaction: $name") {
            val queue = DeltaQueue<ConfigMap>()
            case.first.forEach(queue::offer)
            val batch = queue.poll().shouldBeInstanceOf<DeltaBatch.ForKey<ConfigMap>>()
            batch.key shouldBe keyA
            batch.deltas.toString() shouldBe case.second
            queue.poll().shouldBeNull()
        }
    }

    test("a relist supersedes pending changes, comes out first and remembers seen deletions") {
        val queue = DeltaQueue<ConfigMap>()
        queue.offer(ReflectorEvent.Modified(a1))
        queue.offer(ReflectorEvent.Deleted(b1))
        queue.offer(ReflectorEvent.RelistStarted(RelistReason.GONE))
        queue.offer(ReflectorEvent.RelistEnded(listOf(a2), "10"))
        queue.offer(ReflectorEvent.Modified(a3))
        val replace = queue.poll().shouldBeInstanceOf<DeltaBatch.Replace<ConfigMap>>()
        replace.objects shouldBe listOf(a2)
        replace.knownDeletions shouldBe mapOf(ObjectKey.of(b1) to b1)
        queue.drain() shouldContainExactly listOf("ForKey(default/a, [Updated($a3)])")
    }

    test("take waits for a change") {
        runTest {
            val queue = DeltaQueue<ConfigMap>()
            val next = async { queue.take() }
            runCurrent()
            next.isActive shouldBe true
            queue.offer(ReflectorEvent.Added(a1))
            next.await().toString() shouldBe "ForKey(default/a, [Added($a1)])"
        }
    }

    test("the queue holds one entry per object however many events arrive") {
        val queue = DeltaQueue<ConfigMap>()
        repeat(10_000) { i -> queue.offer(ReflectorEvent.Modified(configMap("default", "o${i % 50}", "$i"))) }
        queue.size shouldBe 50
    }
})
