package io.kubekt.api

import io.kubekt.api.json.JsonDecodeError
import io.kubekt.api.json.JsonReader
import io.kubekt.api.json.JsonTree
import io.kubekt.api.json.ModelCodec
import io.kubekt.api.meta.v1.ListMeta

/**
 * Reads a list body's `metadata` (resourceVersion, continue token) without reading its items, so
 * that a pager can ask for the next page before it decodes this one.
 *
 * The API server writes `kind`, `apiVersion` and `metadata` before `items`; when a body puts
 * `items` (or any other member) first, or is not a JSON object, the head is not read and the
 * caller must decode the whole list.
 */
public object ListHead {
    /** The list metadata of the UTF-8 JSON list in [json], or null when it does not come before the items. */
    @JvmStatic
    public fun read(json: ByteArray): ListMeta? {
        val r = JsonReader(json, 0, json.size)
        return try {
            if (!r.beginObject()) return null
            do {
                when (r.readName()) {
                    "metadata" -> return if (r.consumeNull()) null else ModelCodec.read(r, ListMeta.TYPE)
                    "kind", "apiVersion" -> JsonTree.read(r)
                    else -> return null
                }
            } while (r.nextMember())
            null
        } catch (e: JsonDecodeError) {
            null
        }
    }

    /** The non-empty `continue` token of the list in [json], or null (last page, or no head to read). */
    @JvmStatic
    public fun continueToken(json: ByteArray): String? = read(json)?.`continue`?.takeIf { it.isNotEmpty() }
}
