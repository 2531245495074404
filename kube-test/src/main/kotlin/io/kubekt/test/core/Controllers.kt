package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.registry.storageKey
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.slf4j.LoggerFactory

/**
 * The controllers of a real control plane that every client meets, run synchronously after each
 * write until quiet: namespace lifecycle, garbage collection by ownerReferences, CRD
 * establishment and cleanup, the default ServiceAccount and kube-root-ca.crt in each namespace.
 * No workload controllers: Deployments do not create ReplicaSets.
 */
internal class Controllers(private val cluster: Cluster) {
    private val log = LoggerFactory.getLogger(Controllers::class.java)
    private var running = false

    /** Resource types served because a CRD defines them (types registered by the test stay). */
    private val fromCrds = mutableSetOf<String>()

    private fun key(type: ResourceType) = "${type.group}/${type.version}/${type.plural}"

    fun run() {
        if (running) return
        running = true
        try {
            var rounds = 0
            while (rounds++ < 100) {
                val before = cluster.store.resourceVersion
                crds()
                namespaces()
                garbageCollect()
                if (cluster.store.resourceVersion == before) return
            }
            log.warn("controllers did not settle after 100 rounds")
        } finally {
            running = false
        }
    }

    private fun all(type: ResourceType): List<JsonObject> = cluster.store.list(type.storageKey).map { it.second }

    private fun namespaces() {
        val nsType = cluster.namespaces()
        for (ns in all(nsType)) {
            val name = Objects.name(ns)!!
            if (Objects.deletionTimestamp(ns) == null) {
                ensureDefaults(name)
                continue
            }
            val contents = cluster.registry.all().filter { it.namespaced }.distinctBy { it.storageKey }
                .flatMap { t -> cluster.store.list(t.storageKey, "$name/").map { t to it.second } }
            contents.filter { Objects.deletionTimestamp(it.second) == null }.forEach { (t, obj) ->
                cluster.deletes.delete(t, name, Objects.name(obj)!!, DeleteOptions())
            }
            if (contents.isEmpty()) {
                val finalized = Objects.with(ns, "spec", Objects.with(ns["spec"] as? JsonObject ?: JsonObject(emptyMap()), "finalizers", null))
                if (Objects.finalizers(ns).isEmpty()) cluster.remove(nsType, finalized) else if (finalized != ns) cluster.put(nsType, finalized)
            }
        }
    }

    private fun ensureDefaults(ns: String) {
        val sa = cluster.type("", "serviceaccounts")
        if (sa != null && cluster.get(sa, ns, "default") == null) {
            cluster.writes.create(sa, ns, meta("ServiceAccount", "default"), dryRun = false)
        }
        val cm = cluster.type("", "configmaps")
        if (cm != null && cluster.get(cm, ns, "kube-root-ca.crt") == null) {
            val body = Objects.with(meta("ConfigMap", "kube-root-ca.crt"), "data", buildJsonObject { put("ca.crt", cluster.caPem) })
            cluster.writes.create(cm, ns, body, dryRun = false)
        }
    }

    private fun meta(kind: String, name: String) = buildJsonObject {
        put("kind", kind)
        put("apiVersion", "v1")
        put("metadata", buildJsonObject { put("name", name) })
    }

    private fun crds() {
        val crdType = cluster.type("apiextensions.k8s.io", "customresourcedefinitions") ?: return
        val live = all(crdType)
        val served = live.filter { Objects.deletionTimestamp(it) == null }.flatMap { Crds.types(it) }
        val servedKeys = served.map { "${it.group}/${it.version}/${it.plural}" }.toSet()
        cluster.registry.all().filter { key(it) in fromCrds && key(it) !in servedKeys }.forEach { gone ->
            cluster.store.list(gone.storageKey).forEach { (_, obj) -> cluster.remove(gone, obj) }
            cluster.registry.remove(gone.group, gone.version, gone.plural)
            fromCrds -= key(gone)
        }
        served.forEach { cluster.registry.add(it); fromCrds += key(it) }
        live.filter { !Crds.isEstablished(it) && Objects.deletionTimestamp(it) == null }.forEach { crd ->
            cluster.put(crdType, Crds.established(crd, Objects.timestamp()))
        }
        live.filter { Objects.deletionTimestamp(it) != null }.forEach { crd ->
            val cleanup = "customresourcecleanup.apiextensions.k8s.io"
            if (cleanup in Objects.finalizers(crd)) {
                val rest = Objects.finalizers(crd) - cleanup
                cluster.writes.commitUpdate(crdType, crd, Objects.withMeta(crd, "finalizers", if (rest.isEmpty()) null else Writes.stringList(rest)), false)
            }
        }
    }

    private fun garbageCollect() {
        val types = cluster.registry.all().distinctBy { it.storageKey }
        val objects = types.flatMap { t -> all(t).map { t to it } }
        val byUid = objects.associateBy { Objects.uid(it.second) }
        for ((type, obj) in objects) {
            if (Objects.deletionTimestamp(obj) == null) continue
            val finalizers = Objects.finalizers(obj)
            val dependents = objects.filter { (_, d) -> Objects.ownerReferences(d).any { Objects.text(it["uid"]) == Objects.uid(obj) } }
            if ("orphan" in finalizers) {
                dependents.forEach { (t, d) -> dropOwner(t, d, Objects.uid(obj)!!) }
                finish(type, obj, "orphan")
            } else if ("foregroundDeletion" in finalizers) {
                val live = dependents.filter { current(it.first, it.second) != null }
                live.filter { Objects.deletionTimestamp(it.second) == null }.forEach { (t, d) ->
                    cluster.deletes.delete(t, Objects.namespace(d), Objects.name(d)!!, DeleteOptions(propagationPolicy = "Foreground"))
                }
                if (live.isEmpty()) finish(type, obj, "foregroundDeletion")
            }
        }
        for ((type, obj) in objects) {
            val refs = Objects.ownerReferences(obj)
            if (refs.isEmpty() || current(type, obj) == null) continue
            val missing = refs.filter { ref -> byUid[Objects.text(ref["uid"])] == null }
            if (missing.isEmpty()) continue
            if (missing.size == refs.size) {
                if (Objects.deletionTimestamp(obj) == null) cluster.deletes.delete(type, Objects.namespace(obj), Objects.name(obj)!!, DeleteOptions())
            } else {
                missing.forEach { ref -> dropOwner(type, obj, Objects.text(ref["uid"])!!) }
            }
        }
    }

    private fun current(type: ResourceType, obj: JsonObject) = cluster.get(type, Objects.namespace(obj), Objects.name(obj)!!)

    private fun dropOwner(type: ResourceType, obj: JsonObject, ownerUid: String) {
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
