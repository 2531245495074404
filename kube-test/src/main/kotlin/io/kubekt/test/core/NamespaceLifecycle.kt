package io.kubekt.test.core

import io.kubekt.test.registry.storageKey
import io.kubekt.test.store.Objects
import io.kubekt.test.store.StoreListener
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.util.TreeSet

/**
 * The namespace controllers: each active namespace gets its default ServiceAccount and
 * kube-root-ca.crt ConfigMap (again when they are deleted); a terminating namespace is emptied
 * and, once empty, finalized.
 *
 * Only namespaces that changed, or lost a default object, since the last [reconcile] are
 * checked, plus the terminating ones until they are gone: an active namespace whose defaults
 * exist needs no work.
 */
internal class NamespaceLifecycle(private val cluster: Cluster) : StoreListener {
    private val namespaces = "/namespaces"
    private val serviceAccounts = "/serviceaccounts"
    private val configMaps = "/configmaps"

    /** Namespaces created or changed, or whose default objects were removed, since last checked. */
    private val pending = TreeSet<String>()
    private val terminating = TreeSet<String>()

    override fun changed(resource: String, key: String, prev: JsonObject?, next: JsonObject?) {
        when (resource) {
            namespaces -> when {
                next == null -> terminating -= key
                Objects.deletionTimestamp(next) != null -> terminating += key
                else -> pending += key
            }
            serviceAccounts -> if (next == null && key.substringAfter('/') == "default") pending += key.substringBefore('/')
            configMaps -> if (next == null && key.substringAfter('/') == "kube-root-ca.crt") pending += key.substringBefore('/')
        }
    }

    override fun cleared() {
        pending.clear()
        terminating.clear()
    }

    /** One round, in namespace name order; a namespace leaves the work list once its round succeeded. */
    fun reconcile() {
        val nsType = cluster.namespaces()
        for (name in TreeSet(pending).apply { addAll(terminating) }) {
            val ns = cluster.get(nsType, null, name)
            when {
                ns == null -> {}
                Objects.deletionTimestamp(ns) == null -> ensureDefaults(name)
                else -> empty(ns, name)
            }
            pending -= name
        }
    }

    private fun empty(ns: JsonObject, name: String) {
        val nsType = cluster.namespaces()
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
}
