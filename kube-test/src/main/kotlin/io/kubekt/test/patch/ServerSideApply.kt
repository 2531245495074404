package io.kubekt.test.patch

import io.kubekt.test.ResourceType
import io.kubekt.test.api.ApiError
import io.kubekt.test.api.Cause
import io.kubekt.test.api.Statuses
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonObject

/**
 * Server-side apply: merges an applied configuration into the live object by the schema's list
 * and map types, records what the applying manager now owns in its `Apply` entry, removes fields
 * it applied before and no longer applies (unless another manager owns them), and refuses to
 * change fields other managers own unless forced, in which case ownership moves to the applier.
 */
internal object ServerSideApply {
    /**
     * The next state of [live] (null when the object does not exist yet) after [manager] applies
     * [config], carrying its managedFields.
     *
     * @throws ApiError 409 Conflict naming the other managers and fields, unless [force].
     */
    fun apply(type: ResourceType, live: JsonObject?, config: JsonObject, manager: String, force: Boolean, subresource: String?): JsonObject {
        val schema = Ownership.schema(type)
        val ignored = Ownership.ignored(type, subresource)
        val entries = live?.let(ManagedFieldsEntry::read) ?: emptyList()
        val before = Ownership.withoutOwnership(live ?: JsonObject(emptyMap()))
        val applied = ObjectFields.of(Ownership.withoutOwnership(config), schema).minusSubtrees(ignored)
        val mine = entries.firstOrNull { it.sameOwner(manager, ManagedFieldsEntry.APPLY, subresource) }
        val others = entries.filter { it !== mine }
        var merged = ApplyMerge.merge(before, Ownership.withoutOwnership(config), schema) as JsonObject
        if (mine != null) merged = prune(merged, mine.fields.minus(applied), others.fold(applied) { acc, e -> acc.union(e.fields) })
        val diff = ObjectFields.diff(before, merged, schema)
        val touched = diff.touched.minusSubtrees(ignored)
        val conflicts = others.filter { it.manager != manager }.flatMap { e -> e.fields.intersect(touched).paths().map { e to it } }
        if (conflicts.isNotEmpty() && !force) throw conflict(conflicts)
        val kept = others.map { it.withFields(it.fields.minus(touched).minusSubtrees(diff.removed)) }
        val entry = ManagedFieldsEntry(manager, ManagedFieldsEntry.APPLY, type.apiVersion, Objects.timestamp(), applied, subresource)
        return ManagedFieldsEntry.write(merged, kept + entry)
    }

    /** Removes the fields in [dropped] that nobody in [owned] keeps, not even below them. */
    private fun prune(obj: JsonObject, dropped: FieldSet, owned: FieldSet): JsonObject =
        dropped.paths().filter { !owned.touches(it) }
            .sortedByDescending { it.size }
            .fold(obj) { acc, path -> ApplyMerge.remove(acc, path) as JsonObject }

    /** The API server's apply conflict: `Apply failed with N conflict(s): ...`, one cause per field. */
    fun conflict(conflicts: List<Pair<ManagedFieldsEntry, List<String>>>): ApiError {
        val sorted = conflicts.sortedBy { it.first.manager }
        val causes = sorted.map { (owner, path) -> Cause("FieldManagerConflict", "conflict with ${owner.describe()}", FieldSet.pathString(path)) }
        val message = if (sorted.size == 1) {
            "Apply failed with 1 conflict: ${causes.single().message}: ${causes.single().field}"
        } else {
            val lines = sorted.groupBy({ it.first.describe() }, { it.second }).flatMap { (owner, paths) ->
                listOf("conflicts with $owner:") + paths.map { "- ${FieldSet.pathString(it)}" }
            }
            "Apply failed with ${sorted.size} conflicts: ${lines.joinToString("\n")}"
        }
        return Statuses.error(409, "Conflict", message, Statuses.details(causes = causes))
    }
}
