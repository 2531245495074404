package io.kubekt.test.patch

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject

/** JSON merge patch (RFC 7386): objects merge recursively, `null` removes, anything else replaces. */
internal object MergePatch {
    fun apply(target: JsonElement?, patch: JsonElement): JsonElement {
        if (patch !is JsonObject) return patch
        val result = LinkedHashMap((target as? JsonObject) ?: JsonObject(emptyMap()))
        for ((key, value) in patch) {
            if (value is JsonNull) result.remove(key) else result[key] = apply(result[key], value)
        }
        return JsonObject(result)
    }
}
