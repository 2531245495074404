package io.kubekt.informer

import io.kubekt.api.KubeList
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.FlowCollector
import kotlinx.coroutines.flow.flow

/**
 * A scripted [ListWatch]: each list call takes the next answer, each watch the next script;
 * records the options of every call. Without scripts left a list fails and a watch stays silent.
 */
class FakeListWatch : ListWatch<ConfigMap> {
    val listCalls = mutableListOf<ListOptions>()
    val watchCalls = mutableListOf<ListOptions>()
    private val lists = ArrayDeque<() -> KubeList<ConfigMap>>()
    private val watches = ArrayDeque<suspend FlowCollector<WatchEvent<ConfigMap>>.() -> Unit>()

    fun answerList(page: Page<ConfigMap>) = apply { lists.addLast { page } }
    fun failList(error: Exception) = apply { lists.addLast { throw error } }
    fun answerWatch(script: suspend FlowCollector<WatchEvent<ConfigMap>>.() -> Unit) = apply { watches.addLast(script) }

    override suspend fun list(options: ListOptions): KubeList<out ConfigMap> {
        listCalls += options
        return (lists.removeFirstOrNull() ?: throw INTERNAL).invoke()
    }

    override fun watch(options: ListOptions): Flow<WatchEvent<ConfigMap>> = flow {
        watchCalls += options
        val script = watches.removeFirstOrNull() ?: { awaitCancellation() }
        script()
    }
}

fun added(cm: ConfigMap) = WatchEvent.Added(cm, cm.metadata?.resourceVersion)
fun modified(cm: ConfigMap) = WatchEvent.Modified(cm, cm.metadata?.resourceVersion)
fun deleted(cm: ConfigMap) = WatchEvent.Deleted(cm, cm.metadata?.resourceVersion)
