package io.kubekt.test.http

import io.kubekt.test.ResourceType
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/**
 * How objects leave the server for one request: in the requested version's apiVersion, and as
 * `meta.k8s.io/v1 PartialObjectMetadata` when the Accept header asks for metadata only.
 */
internal class Presentation(private val type: ResourceType, version: String, accept: String?) {
    private val apiVersion = if (type.group.isEmpty()) version else "${type.group}/$version"
    val metadataOnly: Boolean = accept != null && accept.split(',').any { part ->
        val params = part.split(';').map { it.trim() }
        params.any { it == "as=PartialObjectMetadata" || it == "as=PartialObjectMetadataList" } && params.any { it == "g=meta.k8s.io" }
    }

    fun present(obj: JsonObject): JsonObject {
        if (metadataOnly) return buildJsonObject {
            put("kind", "PartialObjectMetadata")
            put("apiVersion", "meta.k8s.io/v1")
            put("metadata", Objects.meta(obj))
        }
        return if (obj["apiVersion"] == JsonPrimitive(apiVersion)) obj else Objects.with(obj, "apiVersion", JsonPrimitive(apiVersion))
    }

    /** The list wrapper's kind/apiVersion and whether items keep their own kind/apiVersion. */
    fun listKind(): String = if (metadataOnly) "PartialObjectMetadataList" else type.listKind
    fun listApiVersion(): String = if (metadataOnly) "meta.k8s.io/v1" else apiVersion
    fun bookmarkKind(): String = if (metadataOnly) "PartialObjectMetadata" else type.kind
    fun itemsKeepTypeMeta(): Boolean = metadataOnly || type.custom
}
