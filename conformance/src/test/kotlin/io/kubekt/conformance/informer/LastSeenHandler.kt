package io.kubekt.conformance.informer

import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.informer.ResourceEventHandler
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger

/**
 * Records, per ConfigMap name, what an informer's handler saw last (the resourceVersion of the
 * last add/update, or [DELETED]) and checks per-key order online: for ConfigMaps carrying a
 * `seq` counter in their data the values must strictly increase per key, and nothing may follow
 * a delete except a new add.
 */
class LastSeenHandler : ResourceEventHandler<ConfigMap> {
    /** Name -> resourceVersion of the last add or update seen, or [DELETED]. */
    val last: MutableMap<String, String> = ConcurrentHashMap()
    private val lastSeq = ConcurrentHashMap<String, Long>()
    /** Order violations seen, as readable lines; empty when every key's sequence was in order. */
    val violations: MutableList<String> = CopyOnWriteArrayList()
    val adds = AtomicInteger()
    val updates = AtomicInteger()
    val deletes = AtomicInteger()
    val finalStateUnknownDeletes = AtomicInteger()
    /** Names whose sequence of `seq` values ended with a delete. */
    val deletedSeqKeys: MutableSet<String> = ConcurrentHashMap.newKeySet()

    override fun onAdd(obj: ConfigMap, inInitialList: Boolean) {
        adds.incrementAndGet()
        val name = obj.metadata!!.name!!
        deletedSeqKeys -= name
        seen(name, obj, afterDelete = last[name] == DELETED)
    }

    override fun onUpdate(oldObj: ConfigMap, newObj: ConfigMap) {
        updates.incrementAndGet()
        val name = newObj.metadata!!.name!!
        if (last[name] == DELETED || last[name] == null) violations += "$name: update without a live add before it"
        seen(name, newObj, afterDelete = false)
    }

    override fun onDelete(obj: ConfigMap, finalStateUnknown: Boolean) {
        deletes.incrementAndGet()
        if (finalStateUnknown) finalStateUnknownDeletes.incrementAndGet()
        val name = obj.metadata!!.name!!
        if (last[name] == DELETED || last[name] == null) violations += "$name: delete without a live add before it"
        last[name] = DELETED
        if (lastSeq.remove(name) != null) deletedSeqKeys += name
    }

    private fun seen(name: String, obj: ConfigMap, afterDelete: Boolean) {
        last[name] = obj.metadata!!.resourceVersion!!
        val seq = obj.data?.get(SEQ)?.toLong() ?: return
        val before = if (afterDelete) null else lastSeq[name]
        if (before != null && seq <= before) violations += "$name: seq $seq after $before"
        lastSeq[name] = seq
    }

    override fun toString(): String =
        "adds=$adds updates=$updates deletes=$deletes (finalStateUnknown $finalStateUnknownDeletes) violations=${violations.size}"

    companion object {
        const val DELETED = "<deleted>"
        const val SEQ = "seq"
    }
}
