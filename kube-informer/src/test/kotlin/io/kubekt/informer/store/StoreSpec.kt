package io.kubekt.informer.store

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.ObjectKey
import io.kubekt.informer.configMap
import io.kubekt.informer.delta.DeltaBatch
import io.kubekt.informer.delta.DeltaQueue
import io.kubekt.informer.reflector.ReflectorEvent
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicBoolean
import kotlin.concurrent.thread

class StoreSpec : FunSpec({
    val a = configMap("default", "a", "1", mapOf("app" to "web"))
    val b = configMap("default", "b", "2", mapOf("app" to "db"))
    val c = configMap("kube-system", "c", "3", mapOf("app" to "web"))
    val node = configMap(null, "n", "4")

    /** Feeds reflector events through a delta queue into the store; returns the changes. */
    fun Store<ConfigMap>.feed(vararg events: ReflectorEvent<ConfigMap>): List<String> {
        val queue = DeltaQueue<ConfigMap>()
        events.forEach(queue::offer)
        return generateSequence { queue.poll() }.flatMap { apply(it) }.map { it.toString() }.toList()
    }

    test("the first relist adds every object as part of the initial list") {
        val store = Store<ConfigMap>()
        store.hasSynced shouldBe false
        store.feed(ReflectorEvent.RelistEnded(listOf(a, b), "10")) shouldContainExactly listOf("Added($a, initial)", "Added($b, initial)")
        store.hasSynced shouldBe true
        store.size shouldBe 2
    }

    test("watch changes add, update and delete; a deletion of an unseen object changes nothing") {
        val store = Store<ConfigMap>()
        store.feed(ReflectorEvent.RelistEnded(listOf(a), "10"))
        val a2 = configMap("default", "a", "11", mapOf("app" to "web"))
        store.feed(ReflectorEvent.Added(b), ReflectorEvent.Modified(a2), ReflectorEvent.Deleted(c)) shouldContainExactly
            listOf("Added($b)", "Updated($a -> $a2)") // keys in the order of their first change
        store.feed(ReflectorEvent.Deleted(b)) shouldContainExactly listOf("Deleted($b)")
        store.getOrNull(ObjectKey.of(a)) shouldBe a2
        store.getOrNull(ObjectKey.of(b)).shouldBeNull()
    }

    test("a relist replaces the contents and flags deletions it inferred as final state unknown") {
        val store = Store<ConfigMap>()
        store.feed(ReflectorEvent.RelistEnded(listOf(a, b, c), "10"))
        val a2 = configMap("default", "a", "20", mapOf("app" to "web"))
        val d = configMap("default", "d", "21")
        store.feed(ReflectorEvent.RelistEnded(listOf(a2, c, d), "30")) shouldContainExactly listOf(
            "Deleted($b, final state unknown)", "Updated($a -> $a2)", "Added($d)",
        )
        store.list() shouldContainExactlyInAnyOrder listOf(a2, c, d)
    }

    test("a deletion seen before a relist keeps its known final state") {
        val store = Store<ConfigMap>()
        store.feed(ReflectorEvent.RelistEnded(listOf(a, b), "10"))
        val bLast = configMap("default", "b", "15", mapOf("app" to "db"))
        store.feed(ReflectorEvent.Deleted(bLast), ReflectorEvent.RelistEnded(listOf(a), "20")) shouldContainExactly
            listOf("Deleted($bLast)")
    }

    test("an object re-created under the same name during a relist is deleted and added") {
        val old = ConfigMap { metadata { name = "x"; namespace = "default"; resourceVersion = "1"; uid = "uid-1" } }
        val new = ConfigMap { metadata { name = "x"; namespace = "default"; resourceVersion = "9"; uid = "uid-2" } }
        val store = Store<ConfigMap>()
        store.feed(ReflectorEvent.RelistEnded(listOf(old), "1"))
        store.feed(ReflectorEvent.RelistEnded(listOf(new), "9")) shouldContainExactly
            listOf("Deleted($old, final state unknown)", "Added($new)")
    }

    test("listers read all, by namespace, by labels and by index") {
        val byApp = Indexer<ConfigMap> { listOfNotNull(it.metadata?.labels?.get("app")) }
        val store = Store(mapOf("app" to byApp))
        store.feed(ReflectorEvent.RelistEnded(listOf(a, b, c, node), "10"))
        val lister = store.lister()
        lister.list() shouldContainExactlyInAnyOrder listOf(a, b, c, node)
        lister.namespace("default").list() shouldContainExactlyInAnyOrder listOf(a, b)
        lister.namespace("default").list { it["app"] == "web" } shouldContainExactly listOf(a)
        lister.namespace("default").getOrNull("b") shouldBe b
        lister.namespace("kube-system").getOrNull("b").shouldBeNull()
        lister.list { it["app"] == "web" } shouldContainExactlyInAnyOrder listOf(a, c)
        lister.byIndex("app", "web") shouldContainExactlyInAnyOrder listOf(a, c)
        lister.byIndex(Store.NAMESPACE_INDEX, "") shouldContainExactly listOf(node)
        lister.getOrNull(ObjectKey(null, "n")) shouldBe node
        store.indexValues("app") shouldBe setOf("web", "db")
        shouldThrow<IllegalArgumentException> { lister.byIndex("nope", "x") }
    }

    test("indexes follow updates and deletions") {
        val byApp = Indexer<ConfigMap> { listOfNotNull(it.metadata?.labels?.get("app")) }
        val store = Store(mapOf("app" to byApp))
        store.feed(ReflectorEvent.RelistEnded(listOf(a, b), "10"))
        val aDb = configMap("default", "a", "11", mapOf("app" to "db"))
        store.feed(ReflectorEvent.Modified(aDb), ReflectorEvent.Deleted(b))
        store.byIndex("app", "web") shouldBe emptyList()
        store.byIndex("app", "db") shouldContainExactly listOf(aDb)
        store.indexValues("app") shouldBe setOf("db")
    }

    test("readers on other threads see a relist whole, never a mix of two states") {
        val store = Store<ConfigMap>()
        val first = List(200) { configMap("default", "x$it", "1") }
        val second = List(200) { configMap("other", "y$it", "2") }
        store.apply(DeltaBatch.Replace(first, "1", emptyMap()))
        val stop = AtomicBoolean(false)
        val mixed = AtomicBoolean(false)
        val started = CountDownLatch(1)
        val reader = thread {
            started.countDown()
            while (!stop.get()) {
                val versions = store.list().map { it.metadata?.resourceVersion }.toSet()
                if (versions.size > 1) mixed.set(true)
            }
        }
        started.await()
        repeat(200) { i -> store.apply(DeltaBatch.Replace(if (i % 2 == 0) second else first, "$i", emptyMap())) }
        stop.set(true)
        reader.join()
        mixed.get() shouldBe false
    }
})
