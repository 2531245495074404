package io.kubekt.test.patch

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/** Why a JSON patch could not be applied (a failed `test` included). */
internal class PatchFailure(message: String) : RuntimeException(message)

/** JSON patch (RFC 6902): add, remove, replace, move, copy, test over JSON pointers (RFC 6901). */
internal object JsonPatch {
    fun apply(document: JsonElement, operations: JsonArray): JsonElement =
        operations.fold(document) { doc, op -> applyOne(doc, op as? JsonObject ?: throw PatchFailure("operation is not an object")) }

    private fun applyOne(doc: JsonElement, op: JsonObject): JsonElement {
        val name = (op["op"] as? JsonPrimitive)?.contentOrNull ?: throw PatchFailure("missing op")
        val path = pointer(op, "path")
        return when (name) {
            "add" -> add(doc, path, value(op))
            "remove" -> remove(doc, path)
            "replace" -> add(remove(doc, path), path, value(op))
            "move" -> { val from = pointer(op, "from"); add(remove(doc, from), path, get(doc, from)) }
            "copy" -> add(doc, path, get(doc, pointer(op, "from")))
            "test" -> if (get(doc, path) == value(op)) doc else throw PatchFailure("testing value ${op["path"]} failed")
            else -> throw PatchFailure("unexpected op $name")
        }
    }

    private fun value(op: JsonObject) = op["value"] ?: throw PatchFailure("missing value")

    private fun pointer(op: JsonObject, field: String): List<String> {
        val text = (op[field] as? JsonPrimitive)?.contentOrNull ?: throw PatchFailure("missing $field")
        if (text.isEmpty()) return emptyList()
        if (!text.startsWith("/")) throw PatchFailure("invalid pointer $text")
        return text.substring(1).split('/').map { it.replace("~1", "/").replace("~0", "~") }
    }

    private fun get(doc: JsonElement, path: List<String>): JsonElement =
        path.fold(doc) { node, token -> child(node, token) ?: throw PatchFailure("path not found: ${path.joinToString("/")}") }

    private fun child(node: JsonElement, token: String): JsonElement? = when (node) {
        is JsonObject -> node[token]
        is JsonArray -> token.toIntOrNull()?.let { node.getOrNull(it) }
        else -> null
    }

    private fun add(doc: JsonElement, path: List<String>, value: JsonElement): JsonElement {
        if (path.isEmpty()) return value
        return update(doc, path) { parent, last ->
            when (parent) {
                is JsonObject -> JsonObject(LinkedHashMap(parent).apply { put(last, value) })
                is JsonArray -> {
                    val index = if (last == "-") parent.size else index(last, parent.size + 1)
                    JsonArray(parent.toMutableList().apply { add(index, value) })
                }
                else -> throw PatchFailure("cannot add to a scalar")
            }
        }
    }

    private fun remove(doc: JsonElement, path: List<String>): JsonElement {
        if (path.isEmpty()) throw PatchFailure("cannot remove the root")
        return update(doc, path) { parent, last ->
            when (parent) {
                is JsonObject -> {
                    if (last !in parent) throw PatchFailure("unable to remove nonexistent key: $last: missing value")
                    JsonObject(LinkedHashMap(parent).apply { remove(last) })
                }
                is JsonArray -> JsonArray(parent.toMutableList().apply { removeAt(index(last, parent.size)) })
                else -> throw PatchFailure("cannot remove from a scalar")
            }
        }
    }

    /** Rebuilds [doc] with the parent of [path] replaced by [change]. */
    private fun update(doc: JsonElement, path: List<String>, change: (JsonElement, String) -> JsonElement): JsonElement {
        if (path.size == 1) return change(doc, path[0])
        val head = path[0]
        val next = child(doc, head) ?: throw PatchFailure("path not found: /${path.joinToString("/")}")
        val replaced = update(next, path.drop(1), change)
        return when (doc) {
            is JsonObject -> JsonObject(LinkedHashMap(doc).apply { put(head, replaced) })
            is JsonArray -> JsonArray(doc.toMutableList().apply { set(index(head, doc.size), replaced) })
            else -> throw PatchFailure("path not found")
        }
    }

    private fun index(token: String, size: Int): Int {
        val i = token.toIntOrNull() ?: throw PatchFailure("invalid array index $token")
        if (i < 0 || i >= size) throw PatchFailure("array index out of bounds: $i")
        return i
    }
}
