package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Cause
import io.kubekt.test.api.Statuses
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.time.Instant

/**
 * DELETE with preconditions, propagation policy, graceful deletion (Pods) and finalizers: an
 * object with finalizers is only marked (deletionTimestamp set) and goes when the last one is removed.
 */
internal class Deletes(private val cluster: Cluster) {
    private val gcFinalizers = mapOf("Orphan" to "orphan", "Foreground" to "foregroundDeletion")

    /** Returns the response body: the object while deletion is pending (or for Pods), else a Success Status. */
    fun delete(type: ResourceType, namespace: String?, name: String, options: DeleteOptions): JsonObject = cluster.locked {
        val policy = options.propagationPolicy
        if (policy != null && policy !in setOf("Orphan", "Background", "Foreground")) {
            // The DELETE handler validates DeleteOptions before looking the object up.
            val message = "Unsupported value: \"$policy\": supported values: \"Foreground\", \"Background\", \"Orphan\""
            throw Statuses.invalid("DeleteOptions", "meta.k8s.io", "", listOf(Cause("FieldValueNotSupported", message, "propagationPolicy")))
        }
        val existing = cluster.require(type, namespace, name)
        checkPreconditions(type, existing, options)
        var finalizers = Objects.finalizers(existing)
        if (policy != null) finalizers = finalizers.filter { it !in gcFinalizers.values } + listOfNotNull(gcFinalizers[policy])
        val pendingByGrace = gracePeriod(type, existing, options)
        val namespaceHold = Shapes.blocksDeletion(type, existing)
        if (finalizers.isEmpty() && pendingByGrace == null && !namespaceHold) {
            if (options.dryRun) return@locked success(type, existing)
            val last = cluster.remove(type, existing)
            cluster.reconcile()
            return@locked if (type.returnDeletedObject) last else success(type, existing)
        }
        var marked = existing
        if (Objects.deletionTimestamp(existing) == null) {
            val grace = pendingByGrace ?: 0L
            val stamp = Objects.timestamp(Instant.now().plusSeconds(grace))
            val generation = Objects.generation(existing)?.takeIf { it > 0 }?.let { JsonPrimitive(it + 1) }
            marked = Objects.withMeta(marked, mapOf(
                "deletionTimestamp" to JsonPrimitive(stamp),
                "deletionGracePeriodSeconds" to if (namespaceHold) null else JsonPrimitive(grace),
                "generation" to (generation ?: Objects.meta(existing)["generation"]),
            ))
            if (namespaceHold) marked = Objects.with(marked, "status", Writes.phase("Terminating"))
        }
        if (finalizers != Objects.finalizers(existing)) {
            marked = Objects.withMeta(marked, "finalizers", if (finalizers.isEmpty()) null else Writes.stringList(finalizers))
        }
        marked = Objects.normalize(marked, type.custom)
        if (marked == existing || options.dryRun) return@locked marked
        val stored = cluster.put(type, marked)
        cluster.reconcile()
        stored
    }

    /** DELETE on a collection: deletes every match and returns the list of what was deleted. */
    fun deleteAll(type: ResourceType, items: List<JsonObject>, options: DeleteOptions): List<JsonObject> = cluster.locked {
        items.mapNotNull { item ->
            val name = Objects.name(item)!!
            if (cluster.get(type, Objects.namespace(item), name) == null) return@mapNotNull null
            delete(type, Objects.namespace(item), name, options.copy(preconditionUid = null, preconditionResourceVersion = null))
            item
        }
    }

    /** For graceful types, the seconds until deletion, or null when the object goes at once. */
    private fun gracePeriod(type: ResourceType, obj: JsonObject, options: DeleteOptions): Long? {
        if (!type.gracefulDelete) return null
        val scheduled = !Objects.text(Objects.at(obj, "spec.nodeName")).isNullOrEmpty()
        val phase = Objects.text(Objects.at(obj, "status.phase"))
        if (!scheduled || phase == "Succeeded" || phase == "Failed") return null
        val grace = options.gracePeriodSeconds ?: Objects.long(Objects.at(obj, "spec.terminationGracePeriodSeconds")) ?: 30L
        return grace.takeIf { it > 0 }
    }

    private fun checkPreconditions(type: ResourceType, existing: JsonObject, options: DeleteOptions) {
        val name = Objects.name(existing)!!
        val uid = Objects.uid(existing)
        val rv = Objects.resourceVersion(existing)
        val why = when {
            options.preconditionUid != null && options.preconditionUid != uid ->
                "the UID in the precondition (${options.preconditionUid}) does not match the UID in record ($uid). " +
                    "The object might have been deleted and then recreated"
            options.preconditionResourceVersion != null && options.preconditionResourceVersion != rv ->
                "the ResourceVersion in the precondition (${options.preconditionResourceVersion}) does not match the " +
                    "ResourceVersion in record ($rv). The object might have been modified"
            else -> return
        }
        throw Statuses.error(409, "Conflict", "Operation cannot be fulfilled on ${type.kind} \"$name\": $why",
            Statuses.details(name, type.group, type.kind))
    }

    private fun success(type: ResourceType, obj: JsonObject): JsonObject = Statuses.status(
        code = null, reason = null, message = null, success = true,
        details = Statuses.details(Objects.name(obj), type.group, type.plural, Objects.uid(obj)),
    )
}
