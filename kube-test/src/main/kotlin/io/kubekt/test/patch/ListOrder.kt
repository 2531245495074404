package io.kubekt.test.patch

import kotlinx.serialization.json.JsonElement

/**
 * The order of a list merged by strategic merge patch: items named by the patch (or its
 * `$setElementOrder`) in that order, interleaved with the items only the server had, which keep
 * their relative order from the live list; where both are known, the live order decides.
 */
internal object ListOrder {
    fun normalize(
        merged: List<JsonElement>,
        patchOrder: List<JsonElement>,
        serverOrder: List<JsonElement>,
        id: (JsonElement) -> JsonElement?,
    ): List<JsonElement> {
        val patchIds = patchOrder.map(id)
        val serverIds = serverOrder.map(id)
        val fromPatch = merged.filter { id(it) in patchIds }.sortedBy { patchIds.indexOf(id(it)) }
        val serverOnly = merged.filter { id(it) !in patchIds }.sortedBy { serverIds.indexOf(id(it)).let { i -> if (i < 0) Int.MAX_VALUE else i } }
        return interleave(serverOnly, fromPatch, serverIds, id)
    }

    /** Inserts each item of [left] before the first item of [right] that comes after it in the live order. */
    private fun interleave(left: List<JsonElement>, right: List<JsonElement>, serverIds: List<JsonElement?>, id: (JsonElement) -> JsonElement?): List<JsonElement> {
        val out = ArrayList<JsonElement>(left.size + right.size)
        var i = 0
        var j = 0
        while (i < left.size || j < right.size) {
            if (i >= left.size) { out += right[j++]; continue }
            if (j >= right.size) { out += left[i++]; continue }
            val li = serverIds.indexOf(id(left[i]))
            val ri = serverIds.indexOf(id(right[j]))
            if (li >= 0 && ri >= 0 && li < ri) out += left[i++] else out += right[j++]
        }
        return out
    }
}
