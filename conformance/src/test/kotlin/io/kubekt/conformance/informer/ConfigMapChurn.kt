package io.kubekt.conformance.informer

import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.client.ResourceClient
import io.kubekt.error.ApiException
import io.kubekt.error.KubeException
import io.kubekt.request.ListOptions
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import org.slf4j.LoggerFactory
import java.util.concurrent.atomic.AtomicInteger
import kotlin.random.Random

/**
 * Writes ConfigMaps labelled [label]`=`[run] through [configMaps] (the public typed client) from
 * several coroutines: seeding, random create/update/delete churn, and ordered updates carrying
 * an increasing `seq`. A failed write (a restart cutting the connection, a conflict after a
 * lost answer) is counted and the writer carries on from the server's state: the checks compare
 * against the server's final list, never against what the writers meant to do.
 */
class ConfigMapChurn(
    private val configMaps: ResourceClient<ConfigMap, ConfigMapList>,
    /** Labels this run's ConfigMaps and prefixes their names (specs share a namespace). */
    val run: String,
    private val label: String = "kubekt-churn",
) {
    val selector: String get() = "$label=$run"

    /** The name of ConfigMap number [i] of this run. */
    fun name(i: Int): String = "$run-cm-$i"
    val writes = AtomicInteger()
    val failedWrites = AtomicInteger()

    fun configMap(name: String, data: Map<String, String>): ConfigMap = ConfigMap {
        metadata { this.name = name; labels = mapOf(label to run) }
        this.data = data
    }

    /** Creates [name]`(0)` .. [name]`(count - 1)` from [parallel] coroutines. */
    suspend fun seed(count: Int, parallel: Int) = coroutineScope {
        repeat(parallel) { w ->
            launch { for (i in w until count step parallel) createSurely(configMap(name(i), mapOf("value" to "0"))) }
        }
    }

    /**
     * Runs [ops] random operations over the names [name]`(0)` .. [name]`(names - 1)` from [writers]
     * coroutines (each owns the names `i % writers == w`, so writers never conflict): an existing
     * ConfigMap is updated (3 in 4) or deleted, a missing one created. [onOp] is told the running
     * count (for fault injection at points of progress).
     */
    suspend fun churn(ops: Int, names: Int, writers: Int, random: Random, onOp: suspend (Int) -> Unit) = coroutineScope {
        val done = AtomicInteger()
        val known = configMaps.list(ListOptions(labelSelector = selector)).items.associateBy { it.metadata!!.name!! }
        repeat(writers) { w ->
            val mine = HashMap(known.filterKeys { it.startsWith("$run-cm-") && it.substringAfterLast('-').toInt() % writers == w })
            val rng = Random(random.nextLong())
            launch {
                while (true) {
                    val op = done.incrementAndGet().takeIf { it <= ops } ?: break
                    val name = name(rng.nextInt(names / writers) * writers + w)
                    val current = mine[name]
                    val result = write {
                        when {
                            current == null -> configMaps.create(configMap(name, mapOf("value" to "$op")))
                            rng.nextInt(4) == 0 -> { configMaps.delete(name); null }
                            else -> configMaps.update(current.edit { data = mapOf("value" to "$op") })
                        }
                    }
                    if (result.failed) mine.refresh(name) else if (result.value == null) mine.remove(name) else mine[name] = result.value
                    onOp(op)
                }
            }
        }
    }

    /**
     * Creates [keys] with `seq` 0, then updates each [updates] times with `seq` counting up (one
     * coroutine per key, so the server's order per key is the counter's), then deletes them.
     */
    suspend fun countUp(keys: List<String>, updates: Int) = coroutineScope {
        for (name in keys) launch {
            var current = retried { configMaps.getOrNull(name) ?: configMaps.create(configMap(name, mapOf(LastSeenHandler.SEQ to "0"))) }
            while (current.data!![LastSeenHandler.SEQ]!!.toLong() < updates) {
                val next = current.data!![LastSeenHandler.SEQ]!!.toLong() + 1
                val result = write { configMaps.update(current.edit { data = mapOf(LastSeenHandler.SEQ to "$next") }) }
                current = result.value ?: retried { configMaps.getOrNull(name)!! }
            }
            retried { configMaps.getOrNull(name)?.let { configMaps.delete(name) } }
        }
    }

    /** Creates [obj], retrying a create cut by a restart; a 409 means an earlier attempt went through. */
    private suspend fun createSurely(obj: ConfigMap) {
        repeat(20) {
            try {
                configMaps.create(obj)
                return
            } catch (e: ApiException) {
                if (e.code == 409) return
                throw e
            } catch (e: KubeException) {
                log.info("seed: retrying a create after {}", e.javaClass.simpleName)
                delay(100)
            }
        }
        configMaps.create(obj)
    }

    private suspend fun MutableMap<String, ConfigMap>.refresh(name: String) {
        val now = retried { configMaps.getOrNull(name) ?: NONE }
        if (now === NONE) remove(name) else this[name] = now
    }

    private suspend fun write(block: suspend () -> ConfigMap?): Written {
        writes.incrementAndGet()
        return try {
            Written(block(), failed = false)
        } catch (e: KubeException) {
            failedWrites.incrementAndGet()
            if (e !is ApiException || e.code !in setOf(404, 409)) log.info("churn write failed: {}: {}", e.javaClass.simpleName, e.message)
            Written(null, failed = true)
        }
    }

    /** Runs a read (or an idempotent step) until it gets an answer: a restart may cut one. */
    private suspend fun <R> retried(block: suspend () -> R): R {
        repeat(20) {
            try {
                return block()
            } catch (e: KubeException) {
                if (e is ApiException && e.code != 409 && e.code != 404) throw e
                log.info("churn: retrying after {}", e.javaClass.simpleName)
                delay(100)
            }
        }
        return block()
    }

    private class Written(val value: ConfigMap?, val failed: Boolean)

    private companion object {
        val log = LoggerFactory.getLogger(ConfigMapChurn::class.java)
        val NONE = ConfigMap {}
    }
}
