package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Statuses
import io.kubekt.test.registry.ResourceRegistry
import io.kubekt.test.registry.storageKey
import io.kubekt.test.store.Objects
import io.kubekt.test.store.VersionedStore
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlin.concurrent.withLock

/**
 * The emulated control plane: served resources, the versioned store and the controllers a real
 * cluster runs next to its API server (namespace lifecycle, garbage collector, CRD establishment,
 * default ServiceAccount and kube-root-ca.crt publisher). All state changes go through [locked].
 */
internal class Cluster(
    val registry: ResourceRegistry,
    historyLimit: Int,
    val caPem: String,
) {
    val store = VersionedStore(historyLimit)
    val writes = Writes(this)
    val deletes = Deletes(this)
    val reads = Reads(this)
    private val controllers = Controllers(this)

    fun <T> locked(block: () -> T): T = store.lock.withLock(block)

    fun key(type: ResourceType, namespace: String?, name: String): String =
        if (type.namespaced) "$namespace/$name" else name

    fun prefix(type: ResourceType, namespace: String?): String =
        if (type.namespaced && namespace != null) "$namespace/" else ""

    fun get(type: ResourceType, namespace: String?, name: String): JsonObject? = store.get(type.storageKey, key(type, namespace, name))

    fun require(type: ResourceType, namespace: String?, name: String): JsonObject =
        get(type, namespace, name) ?: throw Statuses.notFound(type.plural, type.group, name)

    fun namespaces(): ResourceType = registry.find("", "v1", "namespaces")!!

    fun type(group: String, plural: String): ResourceType? =
        registry.all().firstOrNull { it.group == group && it.plural == plural }

    /** Stores [obj] (create or update) and returns it stamped. */
    fun put(type: ResourceType, obj: JsonObject): JsonObject =
        store.put(type.storageKey, key(type, Objects.namespace(obj), Objects.name(obj)!!), obj, type.custom)

    fun remove(type: ResourceType, obj: JsonObject): JsonObject =
        store.remove(type.storageKey, key(type, Objects.namespace(obj), Objects.name(obj)!!), obj)

    /** Runs the controllers until nothing changes; called after each committed write. */
    fun reconcile() = controllers.run()

    /** Creates the namespaces every cluster starts with. */
    fun seed() = locked {
        listOf("default", "kube-system", "kube-public", "kube-node-lease").forEach { ns ->
            if (get(namespaces(), null, ns) == null) {
                val body = buildJsonObject {
                    put("apiVersion", "v1")
                    put("kind", "Namespace")
                    put("metadata", buildJsonObject { put("name", JsonPrimitive(ns)) })
                }
                writes.create(namespaces(), null, body, dryRun = false)
            }
        }
    }
}
