package io.kubekt.test.patch

import io.kubekt.api.GroupVersionKind
import io.kubekt.test.ResourceType
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonObject

/**
 * Field ownership of non-apply writes: a create, update or patch makes its manager (the
 * `fieldManager` parameter, or the client's user agent up to the first `/`) own what it
 * changed, in an `Update` entry; other managers lose the fields it changed or removed.
 */
internal object Ownership {
    private val metadataIgnored = listOf(
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink",
        "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds",
    )

    /**
     * [next] carrying managedFields after [existing] (null on create) becomes [next] through [manager]'s
     * write. Without [manager] (the cluster's own controllers), the ownership just carries over. A
     * request body with `managedFields` replaces the stored ones first, as on a real server.
     */
    fun recordUpdate(type: ResourceType, existing: JsonObject?, next: JsonObject, manager: String?, subresource: String?): JsonObject {
        val base = ManagedFieldsEntry.read(next) ?: existing?.let(ManagedFieldsEntry::read) ?: emptyList()
        val carried = ManagedFieldsEntry.write(next, base)
        if (manager == null || (existing != null && withoutOwnership(existing) == withoutOwnership(next))) return carried
        val diff = ObjectFields.diff(withoutOwnership(existing ?: JsonObject(emptyMap())), withoutOwnership(next), schema(type))
        val touched = diff.touched.minusSubtrees(ignored(type, subresource))
        if (touched.isEmpty() && diff.removed.isEmpty()) return carried
        val mine = base.firstOrNull { it.sameOwner(manager, ManagedFieldsEntry.UPDATE, subresource) }
        val others = base.filter { it !== mine }.map { it.withFields(it.fields.minus(touched).minusSubtrees(diff.removed)) }
        val owned = (mine?.fields ?: FieldSet()).minusSubtrees(diff.removed).union(touched)
        val entry = ManagedFieldsEntry(manager, ManagedFieldsEntry.UPDATE, type.apiVersion, Objects.timestamp(), owned, subresource)
        return ManagedFieldsEntry.write(next, others + entry)
    }

    /** The schema of [type]'s objects; custom resources and kinds without a model have none. */
    fun schema(type: ResourceType): SchemaNode =
        if (type.custom) SchemaNode.CUSTOM else SchemaNode.root(GroupVersionKind(type.group, type.version, type.kind))

    /** Fields nobody owns: type and server-set metadata, and `status` on the main resource of a type with a status subresource. */
    fun ignored(type: ResourceType, subresource: String?): FieldSet = FieldSet().apply {
        insert(listOf("f:apiVersion"))
        insert(listOf("f:kind"))
        metadataIgnored.forEach { insert(listOf("f:metadata", "f:$it")) }
        if (subresource == null && "status" in type.subresources) insert(listOf("f:status"))
    }

    fun withoutOwnership(obj: JsonObject): JsonObject =
        Objects.withMeta(Objects.withMeta(obj, "managedFields", null), "resourceVersion", null)
}
