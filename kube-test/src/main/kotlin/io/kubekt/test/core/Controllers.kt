package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.registry.storageKey
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonObject
import org.slf4j.LoggerFactory

/**
 * The controllers of a real control plane that every client meets, run synchronously after each
 * write until quiet: namespace lifecycle, garbage collection by ownerReferences, CRD
 * establishment and cleanup, the default ServiceAccount and kube-root-ca.crt in each namespace.
 * No workload controllers: Deployments do not create ReplicaSets.
 *
 * The namespace and garbage collection controllers keep indexes of the store's changes
 * ([NamespaceLifecycle], [OwnerIndex]) so that a round costs what changed, not what is stored.
 */
internal class Controllers(private val cluster: Cluster) {
    private val log = LoggerFactory.getLogger(Controllers::class.java)
    private var running = false
    private val owners = OwnerIndex()
    private val garbageCollector = GarbageCollector(cluster, owners)
    private val namespaceLifecycle = NamespaceLifecycle(cluster)

    init {
        cluster.store.listen(owners)
        cluster.store.listen(namespaceLifecycle)
    }

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
                namespaceLifecycle.reconcile()
                garbageCollector.collect()
                if (cluster.store.resourceVersion == before) return
            }
            log.warn("controllers did not settle after 100 rounds")
        } finally {
            running = false
        }
    }

    private fun all(type: ResourceType): List<JsonObject> = cluster.store.list(type.storageKey).map { it.second }

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
}
