package io.kubekt.test.http

import io.kubekt.test.core.Reads
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** The list body: `{kind: <List>, apiVersion, metadata: {resourceVersion, continue?, remainingItemCount?}, items}`. */
internal object ListRendering {
    fun render(view: Presentation, page: Reads.Page): JsonObject = render(view, page.items, page.resourceVersion, page.continueToken, page.remaining)

    fun render(view: Presentation, items: List<JsonObject>, rv: Long, continueToken: String? = null, remaining: Long? = null) = buildJsonObject {
        put("kind", view.listKind())
        put("apiVersion", view.listApiVersion())
        put("metadata", buildJsonObject {
            put("resourceVersion", rv.toString())
            continueToken?.let { put("continue", it) }
            remaining?.let { put("remainingItemCount", JsonPrimitive(it)) }
        })
        put("items", JsonArray(items.map { item ->
            val shown = view.present(item)
            if (view.itemsKeepTypeMeta()) shown else JsonObject(shown.filterKeys { it != "kind" && it != "apiVersion" })
        }))
    }
}
