package io.kubekt.test.core

import io.kubekt.test.store.Objects
import io.kubekt.test.store.StoreListener
import kotlinx.serialization.json.JsonObject

/**
 * What the garbage collector needs, kept current on every store change: each stored object by
 * uid, dependents by owner uid, the objects being deleted (deletionTimestamp set) and the
 * objects with an ownerReference to a uid that is not stored ("dangling").
 *
 * Why: the collector used to scan every object after each write (and every object again per
 * terminating owner); with the index a write costs a few map updates and a collection round
 * looks only at the objects that can need work.
 */
internal class OwnerIndex : StoreListener {
    /** A stored object: its resource's storage key and its key (`namespace/name` or `name`). */
    data class Ref(val resource: String, val key: String)

    private val byUid = HashMap<String, Ref>()
    /** The ownerReference uids of each object that has any (null for a reference without uid). */
    private val ownerUids = HashMap<Ref, List<String?>>()
    private val dependents = HashMap<String, MutableSet<Ref>>()
    private val terminatingRefs = HashSet<Ref>()
    private val danglingRefs = HashSet<Ref>()

    /** Objects with a deletionTimestamp. */
    val terminating: Set<Ref> get() = terminatingRefs

    /** Objects with at least one ownerReference whose uid no stored object has. */
    val dangling: Set<Ref> get() = danglingRefs

    /** Where the object with [uid] is stored, or null. */
    fun locate(uid: String): Ref? = byUid[uid]

    /** The objects with an ownerReference to [uid] (a live view: copy before changing the store). */
    fun dependentsOf(uid: String): Set<Ref> = dependents[uid] ?: emptySet()

    override fun changed(resource: String, key: String, prev: JsonObject?, next: JsonObject?) {
        val ref = Ref(resource, key)
        forget(ref)
        val prevUid = prev?.let { Objects.uid(it) }
        val nextUid = next?.let { Objects.uid(it) }
        if (prevUid != null && prevUid != nextUid && byUid[prevUid] == ref) {
            byUid.remove(prevUid)
            dependents[prevUid]?.let { danglingRefs.addAll(it) }
        }
        if (next == null) return
        if (nextUid != null && byUid.put(nextUid, ref) == null) dependents[nextUid]?.forEach { recheck(it) }
        if (Objects.deletionTimestamp(next) != null) terminatingRefs += ref
        val owners = Objects.ownerReferences(next).map { Objects.text(it["uid"]) }
        if (owners.isEmpty()) return
        ownerUids[ref] = owners
        owners.forEach { uid -> if (uid != null) dependents.getOrPut(uid) { HashSet() } += ref }
        recheck(ref)
    }

    override fun cleared() {
        byUid.clear()
        ownerUids.clear()
        dependents.clear()
        terminatingRefs.clear()
        danglingRefs.clear()
    }

    /** Drops what is indexed about [ref] itself (its uid stays until the caller decides). */
    private fun forget(ref: Ref) {
        terminatingRefs -= ref
        danglingRefs -= ref
        ownerUids.remove(ref)?.forEach { uid ->
            val set = dependents[uid ?: return@forEach] ?: return@forEach
            set -= ref
            if (set.isEmpty()) dependents.remove(uid)
        }
    }

    private fun recheck(ref: Ref) {
        val owners = ownerUids[ref] ?: return
        if (owners.any { it == null || it !in byUid }) danglingRefs += ref else danglingRefs -= ref
    }
}
