package io.kubekt.test.patch

import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** One `metadata.managedFields` entry: who owns [fields], by which operation, API version and subresource. */
internal class ManagedFieldsEntry(
    val manager: String,
    val operation: String,
    val apiVersion: String,
    val time: String?,
    val fields: FieldSet,
    val subresource: String?,
) {
    fun sameOwner(manager: String, operation: String, subresource: String?): Boolean =
        this.manager == manager && this.operation == operation && this.subresource == subresource

    fun withFields(fields: FieldSet): ManagedFieldsEntry = ManagedFieldsEntry(manager, operation, apiVersion, time, fields, subresource)

    /** How conflict messages name the owner: `"curl" using apps/v1` for an update, `"a"` for an apply. */
    fun describe(): String {
        val name = "\"$manager\"" + (subresource?.let { " with subresource \"$it\"" } ?: "")
        return if (operation == UPDATE) "$name using $apiVersion" else name
    }

    fun toJson(): JsonObject = buildJsonObject {
        put("manager", manager)
        put("operation", operation)
        put("apiVersion", apiVersion)
        time?.let { put("time", it) }
        put("fieldsType", "FieldsV1")
        put("fieldsV1", fields.toJson())
        subresource?.let { put("subresource", it) }
    }

    companion object {
        const val APPLY = "Apply"
        const val UPDATE = "Update"

        /** The entries of [obj], or null when it has no `managedFields` key. */
        fun read(obj: JsonObject): List<ManagedFieldsEntry>? {
            val list = Objects.meta(obj)["managedFields"] as? JsonArray ?: return null
            return list.filterIsInstance<JsonObject>().map { e ->
                ManagedFieldsEntry(
                    manager = Objects.text(e["manager"]) ?: "",
                    operation = Objects.text(e["operation"]) ?: UPDATE,
                    apiVersion = Objects.text(e["apiVersion"]) ?: "",
                    time = Objects.text(e["time"]),
                    fields = (e["fieldsV1"] as? JsonObject)?.let(FieldSet::fromJson) ?: FieldSet(),
                    subresource = Objects.text(e["subresource"]),
                )
            }
        }

        /** [obj] carrying [entries], empty ones dropped, in the API server's order (operation, time, manager, version, subresource). */
        fun write(obj: JsonObject, entries: List<ManagedFieldsEntry>): JsonObject {
            val kept = entries.filter { !it.fields.isEmpty() }
                .sortedWith(compareBy({ it.operation }, { it.time ?: "" }, { it.manager }, { it.apiVersion }, { it.subresource ?: "" }))
            return Objects.withMeta(obj, "managedFields", if (kept.isEmpty()) null else JsonArray(kept.map { it.toJson() }))
        }
    }
}
