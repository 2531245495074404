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
})
