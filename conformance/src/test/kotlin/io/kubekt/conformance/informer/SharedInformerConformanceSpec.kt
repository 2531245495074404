package io.kubekt.conformance.informer

import io.kotest.matchers.shouldBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.uniqueName
import io.kubekt.informer.ResourceEventHandler
import io.kubekt.informer.SharedInformer
import io.kubekt.informer.informers
import io.kubekt.request.LabelSelector
import io.kubekt.request.ListOptions
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.withTimeout
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.time.Duration.Companion.seconds

/** A factory's informer against the target over HTTP: handlers, cache, and recovery from drops and 410s. */
class SharedInformerConformanceSpec : ConformanceSpec({
    val configMaps = client.coreV1().configMaps(namespace)

    fun configMap(name: String, run: String, value: String) = ConfigMap {
        metadata { this.name = name; labels = mapOf("kubekt-informer-run" to run) }
        data = mapOf("value" to value)
    }

    suspend fun serverState(run: String): Map<String, String?> =
        configMaps.list(ListOptions(labelSelector = "kubekt-informer-run=$run")).items.associate { it.metadata!!.name!! to it.metadata?.resourceVersion }

    fun cacheState(informer: SharedInformer<ConfigMap>): Map<String, String?> =
        informer.lister().namespace(namespace).list().associate { it.metadata!!.name!! to it.metadata?.resourceVersion }

    suspend fun eventually(what: String, check: suspend () -> Boolean) {
        io.kubekt.conformance.support.eventually(what) { true.takeIf { check() } }
    }

    test("an informer from the factory syncs, its handler sees create, update and delete, and the cache ends equal to the server's list") {
        val run = uniqueName("run")
        configMaps.create(configMap("before-$run", run, "1"))
        val scope = CoroutineScope(Job() + Dispatchers.IO)
        try {
            val informers = client.informers()
            val informer = informers.informer<ConfigMap>(namespace, LabelSelector.parse("kubekt-informer-run=$run"))
            informers.informer<ConfigMap>(namespace, LabelSelector.parse("kubekt-informer-run=$run")) shouldBe informer
            val seen = CopyOnWriteArrayList<String>()
            informer.addHandler(object : ResourceEventHandler<ConfigMap> {
                override fun onAdd(obj: ConfigMap, inInitialList: Boolean) { seen += "add ${obj.metadata?.name} $inInitialList" }
                override fun onUpdate(oldObj: ConfigMap, newObj: ConfigMap) { seen += "update ${newObj.metadata?.name} ${newObj.data?.get("value")}" }
                override fun onDelete(obj: ConfigMap, finalStateUnknown: Boolean) { seen += "delete ${obj.metadata?.name} $finalStateUnknown" }
            })
            informers.start(scope)
            withTimeout(30.seconds) { informers.awaitSynced() }
            val created = configMaps.create(configMap("new-$run", run, "1"))
            eventually("the handler saw the add") { seen.size >= 2 }
            configMaps.update(created.edit { data = mapOf("value" to "2") })
            eventually("the handler saw the update") { seen.size >= 3 }
            configMaps.delete("before-$run")
            eventually("the handler saw the delete") { seen.size >= 4 }
            seen.toList() shouldBe listOf("add before-$run true", "add new-$run false", "update new-$run 2", "delete before-$run false")
            eventually("the cache equals the server") { cacheState(informer) == serverState(run) }
        } finally {
            scope.coroutineContext[Job]!!.cancelAndJoin()
            configMaps.deleteCollection(ListOptions(labelSelector = "kubekt-informer-run=$run"))
        }
    }

    faultTest("after dropped watches and a compacted history (410) the cache equals the server's list, names and resourceVersions") { server ->
        val run = uniqueName("run")
        val scope = CoroutineScope(Job() + Dispatchers.IO)
        try {
            val informers = client.informers()
            val informer = informers.informer<ConfigMap>(namespace, LabelSelector.parse("kubekt-informer-run=$run"))
            val finalValues = ConcurrentHashMap<String, String>()
            informer.addHandler(object : ResourceEventHandler<ConfigMap> {
                override fun onAdd(obj: ConfigMap, inInitialList: Boolean) { finalValues[obj.metadata!!.name!!] = obj.data!!["value"]!! }
                override fun onUpdate(oldObj: ConfigMap, newObj: ConfigMap) { finalValues[newObj.metadata!!.name!!] = newObj.data!!["value"]!! }
                override fun onDelete(obj: ConfigMap, finalStateUnknown: Boolean) { finalValues.remove(obj.metadata!!.name!!) }
            })
            informers.start(scope)
            withTimeout(30.seconds) { informers.awaitSynced() }
            repeat(60) { i ->
                val name = "cm-${i % 20}-$run"
                val existing = configMaps.getOrNull(name)
                when {
                    existing == null -> configMaps.create(configMap(name, run, "$i"))
                    i % 7 == 0 -> configMaps.delete(name)
                    else -> configMaps.update(existing.edit { data = mapOf("value" to "$i") })
                }
                if (i % 15 == 5) server.faults.dropWatches()
                if (i % 20 == 10) server.faults.compactHistory().dropWatches()
            }
            val expected = configMaps.list(ListOptions(labelSelector = "kubekt-informer-run=$run")).items
            eventually("the cache equals the server") { cacheState(informer) == serverState(run) }
            eventually("the handler saw each final state") { finalValues == expected.associate { it.metadata!!.name!! to it.data!!["value"]!! } }
        } finally {
            scope.coroutineContext[Job]!!.cancelAndJoin()
            configMaps.deleteCollection(ListOptions(labelSelector = "kubekt-informer-run=$run"))
        }
    }
})
