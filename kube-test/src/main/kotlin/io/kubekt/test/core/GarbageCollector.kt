package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.registry.storageKey
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject

/**
 * The garbage collector by ownerReferences: orphan and foreground deletion of owners being
 * deleted, then dependents whose owners are all gone are deleted (in the background) and
 * references to missing owners dropped from the others.
 *
 * One [collect] is one round over a snapshot taken at its start, as a full scan of the store
 * would see it: only the objects [index] lists as terminating or dangling can need work, and
 * dependents are found through it. Objects of resources no longer served are ignored.
 */
internal class GarbageCollector(private val cluster: Cluster, private val index: OwnerIndex) {

    /** A dependent whose owners were (partly) missing at the round's start. */
    private class Orphan(val type: ResourceType, val obj: JsonObject, val missing: List<String?>, val allMissing: Boolean)

    fun collect() {
        val types = cluster.registry.all().distinctBy { it.storageKey }
        val typeOf = types.associateBy { it.storageKey }
        val rank = types.withIndex().associate { it.value.storageKey to it.index }
        val order = compareBy<OwnerIndex.Ref>({ rank[it.resource] }, { it.key })
        fun served(refs: Collection<OwnerIndex.Ref>) = refs.filter { it.resource in typeOf }.sortedWith(order)
        fun exists(uid: String?) = uid != null && index.locate(uid)?.let { it.resource in typeOf } == true

        val terminating = served(index.terminating).map { typeOf.getValue(it.resource) to cluster.store.get(it.resource, it.key)!! }
        val orphans = served(index.dangling).mapNotNull { ref ->
            val obj = cluster.store.get(ref.resource, ref.key)!!
            val uids = Objects.ownerReferences(obj).map { Objects.text(it["uid"]) }
            val missing = uids.filter { !exists(it) }
            if (missing.isEmpty()) null else Orphan(typeOf.getValue(ref.resource), obj, missing, missing.size == uids.size)
        }
        terminating.forEach { (type, obj) -> release(type, obj, typeOf, order) }
        orphans.forEach { collectOrphan(it) }
    }

    /** Orphans or deletes the dependents of [obj] per its orphan or foregroundDeletion finalizer. */
    private fun release(type: ResourceType, obj: JsonObject, typeOf: Map<String, ResourceType>, order: Comparator<OwnerIndex.Ref>) {
        val finalizers = Objects.finalizers(obj)
        val orphan = "orphan" in finalizers
        if (!orphan && "foregroundDeletion" !in finalizers) return
        val uid = Objects.uid(obj)!!
        val dependents = index.dependentsOf(uid).filter { it.resource in typeOf }.sortedWith(order)
            .map { typeOf.getValue(it.resource) to cluster.store.get(it.resource, it.key)!! }
        if (orphan) {
            dependents.forEach { (t, d) -> dropOwner(t, d, uid) }
            finish(type, obj, "orphan")
            return
        }
        dependents.filter { Objects.deletionTimestamp(it.second) == null }.forEach { (t, d) ->
            if (current(t, d) != null) {
                cluster.deletes.delete(t, Objects.namespace(d), Objects.name(d)!!, DeleteOptions(propagationPolicy = "Foreground"))
            }
        }
        if (dependents.isEmpty()) finish(type, obj, "foregroundDeletion")
    }

    private fun collectOrphan(orphan: Orphan) {
        val (type, obj) = orphan.type to orphan.obj
        if (current(type, obj) == null) return
        if (orphan.allMissing) {
            if (Objects.deletionTimestamp(obj) == null) cluster.deletes.delete(type, Objects.namespace(obj), Objects.name(obj)!!, DeleteOptions())
        } else {
            orphan.missing.forEach { uid -> dropOwner(type, obj, uid) }
        }
    }

    private fun current(type: ResourceType, obj: JsonObject) = cluster.get(type, Objects.namespace(obj), Objects.name(obj)!!)

    private fun dropOwner(type: ResourceType, obj: JsonObject, ownerUid: String?) {
        val fresh = current(type, obj) ?: return
        val refs = Objects.ownerReferences(fresh).filter { Objects.text(it["uid"]) != ownerUid }
        cluster.writes.commitUpdate(type, fresh, Objects.withMeta(fresh, "ownerReferences", if (refs.isEmpty()) null else JsonArray(refs)), false)
    }

    private fun finish(type: ResourceType, obj: JsonObject, finalizer: String) {
        val fresh = current(type, obj) ?: return
        val rest = Objects.finalizers(fresh) - finalizer
        cluster.writes.commitUpdate(type, fresh, Objects.withMeta(fresh, "finalizers", if (rest.isEmpty()) null else Writes.stringList(rest)), false)
    }
}
