@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.store.StoreChange
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import kotlin.time.Duration.Companion.seconds

class SharedInformerSpec : FunSpec({
    val a = configMap("default", "a", "10")
    val b = configMap("default", "b", "11")
    val a2 = configMap("default", "a", "12")

    test("a subscriber sees the initial list, then changes; awaitSynced returns once the store holds the list") {
        runTest {
            val fake = FakeListWatch().answerList(Page(listOf(a), "10"))
                .answerWatch { emit(added(b)); emit(modified(a2)); awaitCancellation() }
            val informer = SharedInformer(fake)
            val seen = mutableListOf<String>()
            backgroundScope.launch { informer.events().collect { seen += it.toString() } }
            backgroundScope.launch { informer.run() }
            informer.awaitSynced()
            informer.hasSynced shouldBe true
            testScheduler.advanceTimeBy(1.seconds)
            seen shouldContainExactly listOf("Added($a, initial)", "Added($b)", "Updated($a -> $a2)")
            informer.lister().namespace("default").list().toSet() shouldBe setOf(a2, b)
        }
    }

    test("a late subscriber gets the current objects first, then only later changes") {
        runTest {
            val c = configMap("default", "c", "13")
            val release = kotlinx.coroutines.CompletableDeferred<Unit>()
            val fake = FakeListWatch().answerList(Page(listOf(a, b), "11"))
                .answerWatch { release.await(); emit(added(c)); awaitCancellation() }
            val informer = SharedInformer(fake)
            backgroundScope.launch { informer.run() }
            informer.awaitSynced()
            val seen = mutableListOf<String>()
            backgroundScope.launch { informer.events().collect { seen += it.toString() } }
            testScheduler.advanceTimeBy(1.seconds)
            release.complete(Unit)
            testScheduler.advanceTimeBy(1.seconds)
            seen.take(2).toSet() shouldBe setOf("Added($a, initial)", "Added($b, initial)")
            seen.drop(2) shouldContainExactly listOf("Added($c)")
        }
    }

    test("the transform runs before caching") {
        runTest {
            val fake = FakeListWatch().answerList(Page(listOf(a), "10"))
            val informer = SharedInformer(fake, transform = { cm: ConfigMap -> cm.toBuilder().data(null).build() })
            backgroundScope.launch { informer.run() }
            informer.awaitSynced()
            informer.lister().list().single().data shouldBe null
        }
    }

    test("cancelling the informer's coroutine closes its watch") {
        runTest {
            var watchOpen = false
            val fake = FakeListWatch().answerList(Page(listOf(a), "10"))
                .answerWatch { watchOpen = true; try { awaitCancellation() } finally { watchOpen = false } }
            val informer = SharedInformer(fake)
            val job = launch { informer.run() }
            testScheduler.advanceTimeBy(1.seconds)
            watchOpen shouldBe true
            job.cancel()
            job.join()
            watchOpen shouldBe false
        }
    }

    test("a subscriber that leaves does not block the others") {
        runTest {
            val fake = FakeListWatch().answerList(Page(listOf(a), "10"))
                .answerWatch { repeat(200) { emit(modified(configMap("default", "a", "${100 + it}"))) }; awaitCancellation() }
            val informer = SharedInformer(fake, subscriberBuffer = 1)
            val stuck = backgroundScope.launch { informer.events().collect { awaitCancellation() } }
            val seen = mutableListOf<StoreChange<ConfigMap>>()
            backgroundScope.launch { informer.events().collect { seen += it } }
            backgroundScope.launch { informer.run() }
            testScheduler.advanceTimeBy(1.seconds)
            stuck.cancel()
            testScheduler.advanceTimeBy(1.seconds)
            informer.lister().list().single().metadata?.resourceVersion shouldBe "299"
            (seen.last() as StoreChange.Updated).new.metadata?.resourceVersion shouldBe "299"
        }
    }

    test("handlers get initial adds, updates and deletes; each registration has its own synced signal and can be removed") {
        runTest {
            val release = kotlinx.coroutines.CompletableDeferred<Unit>()
            val fake = FakeListWatch().answerList(Page(listOf(a, b), "11"))
                .answerWatch { release.await(); emit(modified(a2)); emit(deleted(b)); awaitCancellation() }
            val informer = SharedInformer(fake)
            val first = mutableListOf<String>()
            val second = mutableListOf<String>()
            val early = informer.addHandler(recorder(first))
            early.hasSynced shouldBe false
            backgroundScope.launch { informer.run() }
            early.awaitSynced()
            first.toSet() shouldBe setOf("add default/a initial", "add default/b initial")
            val late = informer.addHandler(recorder(second))
            late.awaitSynced()
            second.toSet() shouldBe setOf("add default/a initial", "add default/b initial")
            late.remove()
            release.complete(Unit)
            testScheduler.advanceTimeBy(1.seconds)
            first.drop(2) shouldContainExactly listOf("update default/a 10 -> 12", "delete default/b")
            second.size shouldBe 2
        }
    }

    test("a subscriber with a resync period gets every cached object as an update to itself each period") {
        runTest {
            val fake = FakeListWatch().answerList(Page(listOf(a), "10"))
            val informer = SharedInformer(fake, resync = 30.seconds)
            val seen = mutableListOf<String>()
            val quiet = mutableListOf<String>()
            informer.addHandler(recorder(seen))
            informer.addHandler(recorder(quiet), resync = kotlin.time.Duration.ZERO)
            backgroundScope.launch { informer.run() }
            informer.awaitSynced()
            testScheduler.advanceTimeBy(65.seconds)
            seen shouldContainExactly listOf("add default/a initial", "update default/a 10 -> 10", "update default/a 10 -> 10")
            quiet shouldContainExactly listOf("add default/a initial")
        }
    }

    test("by default managedFields are dropped before caching; keepEverything keeps them") {
        runTest {
            val managed = a.edit { metadata { managedFields = listOf(io.kubekt.api.meta.v1.ManagedFieldsEntry.builder().manager("kubectl").operation("Apply").build()) } }
            val dropping = SharedInformer(FakeListWatch().answerList(Page(listOf(managed), "10")))
            val keeping = SharedInformer(FakeListWatch().answerList(Page(listOf(managed), "10")), transform = ObjectTransform.keepEverything())
            backgroundScope.launch { dropping.run() }
            backgroundScope.launch { keeping.run() }
            dropping.awaitSynced()
            keeping.awaitSynced()
            dropping.lister().list().single() shouldBe a
            keeping.lister().list().single() shouldBe managed
        }
    }

    test("listers select by label selector, across the cache and in one namespace") {
        runTest {
            val web = configMap("default", "web", "20", labels = mapOf("app" to "web"))
            val db = configMap("default", "db", "21", labels = mapOf("app" to "db"))
            val otherWeb = configMap("other", "web", "22", labels = mapOf("app" to "web"))
            val informer = SharedInformer(FakeListWatch().answerList(Page(listOf(web, db, otherWeb), "22")))
            backgroundScope.launch { informer.run() }
            informer.awaitSynced()
            val selector = io.kubekt.request.LabelSelector.parse("app=web")
            informer.lister().list(selector).toSet() shouldBe setOf(web, otherWeb)
            informer.lister().namespace("default").list(selector) shouldContainExactly listOf(web)
            informer.lister().namespace("default").list().toSet() shouldBe setOf(web, db)
        }
    }

    test("an informer runs once") {
        runTest {
            val informer = SharedInformer(FakeListWatch().answerList(Page(listOf(a), "10")))
            backgroundScope.launch { informer.run() }
            informer.awaitSynced()
            val second = runCatching { informer.run() }
            second.exceptionOrNull()!!::class shouldBe IllegalStateException::class
        }
    }
})

private fun recorder(into: MutableList<String>) = object : ResourceEventHandler<ConfigMap> {
    override fun onAdd(obj: ConfigMap, inInitialList: Boolean) {
        into += "add ${ObjectKey.of(obj)}" + if (inInitialList) " initial" else ""
    }

    override fun onUpdate(oldObj: ConfigMap, newObj: ConfigMap) {
        into += "update ${ObjectKey.of(newObj)} ${oldObj.metadata?.resourceVersion} -> ${newObj.metadata?.resourceVersion}"
    }

    override fun onDelete(obj: ConfigMap, finalStateUnknown: Boolean) {
        into += "delete ${ObjectKey.of(obj)}" + if (finalStateUnknown) " unknown" else ""
    }
}
