package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Cause
import io.kubekt.test.api.Statuses
import io.kubekt.test.patch.Ownership
import io.kubekt.test.store.Names
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.util.UUID

/** Create and update with the API server's rules: names, namespaces, optimistic concurrency, generation, finalizers. */
internal class Writes(private val cluster: Cluster) {

    /**
     * POST: returns the created object (not stored, and without resourceVersion, when [dryRun]).
     * [manager] becomes the owner of the fields set, as an `Update` entry in managedFields.
     */
    fun create(type: ResourceType, namespace: String?, body: JsonObject, dryRun: Boolean, manager: String? = null): JsonObject = cluster.locked {
        val typed = Shapes.checkTypeMeta(type, body)
        val meta = Objects.meta(typed)
        val ns = resolveNamespace(type, namespace, Objects.namespace(typed))
        var name = Objects.name(typed)
        val generateName = Objects.metaString(typed, "generateName")
        if (name == null && !generateName.isNullOrEmpty()) name = generateName.take(58) + Names.randomSuffix()
        validateName(type, typed, name)
        if (Objects.resourceVersion(typed) != null) {
            throw Statuses.badRequest("resourceVersion should not be set on objects to be created")
        }
        if (type.namespaced) requireActiveNamespace(type, ns!!, name!!)
        if (cluster.get(type, ns, name!!) != null) throw Statuses.alreadyExists(type.plural, type.group, name)
        val stamped = Ownership.recordUpdate(type, null, Objects.withMeta(
            Shapes.onCreate(type, typed),
            mapOf(
                "name" to JsonPrimitive(name),
                "namespace" to if (type.namespaced) JsonPrimitive(ns) else null,
                "uid" to JsonPrimitive(UUID.randomUUID().toString()),
                "resourceVersion" to null,
                "generation" to if (type.tracksGeneration) JsonPrimitive(1) else null,
                "creationTimestamp" to JsonPrimitive(Objects.timestamp()),
                "deletionTimestamp" to null,
                "deletionGracePeriodSeconds" to null,
                "selfLink" to null,
                "managedFields" to meta["managedFields"],
            ),
        ), manager, null)
        if (dryRun) return@locked Objects.normalize(stamped, type.custom)
        val created = cluster.put(type, stamped)
        cluster.reconcile()
        created
    }

    /**
     * PUT on the object or its `status` subresource. [body] must name the object; a stale
     * resourceVersion is a 409 Conflict. Returns the stored object.
     */
    fun update(type: ResourceType, namespace: String?, name: String, body: JsonObject, subresource: String?, dryRun: Boolean, manager: String? = null): JsonObject =
        cluster.locked {
            val existing = cluster.require(type, namespace, name)
            val typed = Shapes.checkTypeMeta(type, body)
            val bodyName = Objects.name(typed)
            if (bodyName != null && bodyName != name) {
                throw Statuses.badRequest("the name of the object ($bodyName) does not match the name on the URL ($name)")
            }
            val bodyNs = Objects.namespace(typed)
            if (type.namespaced && bodyNs != null && bodyNs != namespace) {
                throw Statuses.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            val rv = Objects.resourceVersion(typed)
            if (rv == null && type.custom) {
                throw Statuses.invalid(type.kind, type.group, name, listOf(
                    Cause("FieldValueInvalid", "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion"),
                ))
            }
            if (rv != null && rv != Objects.resourceVersion(existing)) {
                throw Statuses.conflict(type.plural, type.group, name,
                    "the object has been modified; please apply your changes to the latest version and try again")
            }
            commitUpdate(type, existing, merge(type, existing, typed, subresource), dryRun, manager, subresource)
        }

    /**
     * Applies a prepared new state [next] of [existing] (both full objects), recording what
     * [manager] changed in managedFields (without one, ownership carries over). Caller holds the lock.
     */
    fun commitUpdate(type: ResourceType, existing: JsonObject, next: JsonObject, dryRun: Boolean, manager: String? = null, subresource: String? = null): JsonObject {
        checkFinalizers(type, existing, next)
        var updated = Ownership.recordUpdate(type, existing, next, manager, subresource)
        if (type.tracksGeneration && Shapes.specChanged(type, existing, updated)) {
            updated = Objects.withMeta(updated, "generation", JsonPrimitive((Objects.generation(existing) ?: 0) + 1))
        }
        updated = Objects.normalize(updated, type.custom)
        if (updated == existing) return existing
        if (dryRun) return updated
        if (Objects.deletionTimestamp(updated) != null && Objects.finalizers(updated).isEmpty() && !Shapes.blocksDeletion(type, updated)) {
            cluster.remove(type, updated)
            cluster.reconcile()
            return updated
        }
        val stored = cluster.put(type, updated)
        cluster.reconcile()
        return stored
    }

    /** The new full state: server-owned metadata from [existing], status or main part per [subresource]. */
    fun merge(type: ResourceType, existing: JsonObject, body: JsonObject, subresource: String?): JsonObject {
        val keep = listOf("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name")
        val kept = keep.associateWith { Objects.meta(existing)[it] }
        val withKind = Objects.with(Objects.with(body, "kind", JsonPrimitive(type.kind)), "apiVersion", JsonPrimitive(type.apiVersion))
        val merged = Objects.withMeta(Objects.withMeta(withKind, kept), "resourceVersion", Objects.meta(existing)["resourceVersion"])
        return when {
            subresource == "status" -> Objects.with(existing, "status", body["status"])
            "status" in type.subresources -> Objects.with(merged, "status", existing["status"])
            else -> merged
        }
    }

    private fun checkFinalizers(type: ResourceType, existing: JsonObject, next: JsonObject) {
        if (Objects.deletionTimestamp(existing) == null) return
        val added = Objects.finalizers(next) - Objects.finalizers(existing).toSet()
        if (added.isEmpty()) return
        val detail = "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers " +
            added.joinToString(", ", "[]string{", "}") { Names.quote(it) }
        val cause = Cause("FieldValueForbidden", detail, "metadata.finalizers")
        // The API server validates object metadata twice on this path, and reports the cause twice.
        throw Statuses.invalid(type.kind, type.group, Objects.name(existing)!!, listOf(cause, cause))
    }

    private fun resolveNamespace(type: ResourceType, urlNs: String?, bodyNs: String?): String? {
        if (!type.namespaced) return null
        if (bodyNs != null && bodyNs != urlNs) {
            throw Statuses.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        return urlNs
    }

    private fun validateName(type: ResourceType, body: JsonObject, name: String?) {
        if (name == null) {
            throw Statuses.invalid(type.kind, type.group, "", listOf(
                Cause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name"),
            ))
        }
        val causes = Names.validate(name, type.nameRule).toMutableList()
        if (type.group == "apiextensions.k8s.io" && type.plural == "customresourcedefinitions") {
            val expected = "${Objects.text(Objects.at(body, "spec.names.plural"))}.${Objects.text(Objects.at(body, "spec.group"))}"
            if (name != expected) {
                causes += Cause("FieldValueInvalid", "Invalid value: ${Names.quote(name)}: must be spec.names.plural+\".\"+spec.group", "metadata.name")
            }
        }
        if (causes.isNotEmpty()) throw Statuses.invalid(type.kind, type.group, name, causes)
    }

    private fun requireActiveNamespace(type: ResourceType, ns: String, name: String) {
        val namespace = cluster.get(cluster.namespaces(), null, ns) ?: throw Statuses.notFound("namespaces", "", ns)
        if (Objects.deletionTimestamp(namespace) != null) {
            throw Statuses.forbidden(
                type.plural, type.group, name,
                "${Statuses.qualified(type.plural, type.group)} \"$name\" is forbidden: unable to create new content in namespace $ns because it is being terminated",
                listOf(Cause("NamespaceTerminating", "namespace $ns is being terminated", "metadata.namespace")),
            )
        }
    }

    companion object {
        fun stringList(values: List<String>): JsonElement = JsonArray(values.map { JsonPrimitive(it) })
        fun emptyObject(): JsonObject = buildJsonObject { }
        fun phase(value: String): JsonObject = buildJsonObject { put("phase", value) }
    }
}
