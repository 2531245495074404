package io.kubekt.test.patch

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import java.util.TreeMap

/**
 * A set of field paths in the `FieldsV1` form managedFields carry: each step is a path element
 * string (`f:<field>`, `k:<key fields as JSON>`, `v:<value as JSON>`, `i:<index>`); [member]
 * says the path to this node is itself in the set (written `"."` when the node has children).
 * Mutable; the owner of an instance decides who may change it.
 */
internal class FieldSet {
    var member: Boolean = false
    private val children = TreeMap<String, FieldSet>(ELEMENT_ORDER)

    fun child(element: String): FieldSet = children.getOrPut(element) { FieldSet() }

    fun childOrNull(element: String): FieldSet? = children[element]

    val elements: Set<String> get() = children.keys

    fun isEmpty(): Boolean = !member && children.values.all { it.isEmpty() }

    /** Marks the node at [path] (from this node) as a member. */
    fun insert(path: List<String>) {
        path.fold(this) { node, element -> node.child(element) }.member = true
    }

    fun contains(path: List<String>): Boolean = find(path)?.member == true

    /** Whether [path] or anything below it is a member. */
    fun touches(path: List<String>): Boolean = find(path)?.isEmpty() == false

    private fun find(path: List<String>): FieldSet? = path.fold(this as FieldSet?) { node, element -> node?.childOrNull(element) }

    /** Every member path, depth first in element order. */
    fun paths(prefix: List<String> = emptyList()): List<List<String>> {
        val out = ArrayList<List<String>>()
        if (member) out += prefix
        children.forEach { (element, node) -> out += node.paths(prefix + element) }
        return out
    }

    fun union(other: FieldSet): FieldSet = copy().also { it.addAll(other) }

    private fun addAll(other: FieldSet) {
        member = member || other.member
        other.children.forEach { (element, node) -> child(element).addAll(node) }
    }

    /** Members of this set that are not members of [other]. */
    fun minus(other: FieldSet): FieldSet = filtered(other) { mine, theirs -> mine && !theirs }

    /** Members of both sets. */
    fun intersect(other: FieldSet): FieldSet = filtered(other) { mine, theirs -> mine && theirs }

    /** This set without [subtrees]: a member there removes that node and everything below it. */
    fun minusSubtrees(subtrees: FieldSet): FieldSet {
        if (subtrees.member) return FieldSet()
        val out = FieldSet()
        out.member = member
        children.forEach { (element, node) ->
            val cut = subtrees.childOrNull(element)
            out.children[element] = if (cut == null) node.copy() else node.minusSubtrees(cut)
        }
        return out.pruned()
    }

    private fun filtered(other: FieldSet?, keep: (Boolean, Boolean) -> Boolean): FieldSet {
        val out = FieldSet()
        out.member = keep(member, other?.member == true)
        children.forEach { (element, node) -> out.children[element] = node.filtered(other?.childOrNull(element), keep) }
        return out.pruned()
    }

    private fun pruned(): FieldSet = apply { children.values.removeIf { it.isEmpty() } }

    fun copy(): FieldSet = FieldSet().also { it.addAll(this) }

    /** The `fieldsV1` JSON of this set. */
    fun toJson(): JsonObject {
        val map = LinkedHashMap<String, JsonElement>()
        val live = children.filterValues { !it.isEmpty() }
        if (member && live.isNotEmpty()) map["."] = EMPTY
        live.forEach { (element, node) -> map[element] = node.toJson() }
        return JsonObject(map)
    }

    override fun equals(other: Any?): Boolean = other is FieldSet && toJson() == other.toJson()

    override fun hashCode(): Int = toJson().hashCode()

    override fun toString(): String = toJson().toString()

    companion object {
        private val EMPTY = JsonObject(emptyMap())
        private val RANK = mapOf('f' to 0, 'k' to 1, 'v' to 2, 'i' to 3)

        /** Field names, then keys, values and indexes, as structured-merge-diff orders path elements. */
        private val ELEMENT_ORDER = Comparator<String> { a, b ->
            val byRank = (RANK[a[0]] ?: 4).compareTo(RANK[b[0]] ?: 4)
            if (byRank != 0) byRank else a.compareTo(b)
        }

        /** Reads a `fieldsV1` object. */
        fun fromJson(json: JsonObject): FieldSet = FieldSet().also { read(it, json) }

        private fun read(node: FieldSet, json: JsonObject) {
            json.forEach { (key, value) ->
                if (key == ".") {
                    node.member = true
                } else {
                    val child = node.child(key)
                    val inner = value as? JsonObject ?: EMPTY
                    if (inner.isEmpty()) child.member = true else read(child, inner)
                }
            }
        }

        fun field(name: String): String = "f:$name"

        fun key(keys: JsonObject): String = "k:" + JsonObject(keys.toSortedMap()).toString()

        fun value(value: JsonElement): String = "v:$value"

        /**
         * A path as conflict messages print it: `.spec.replicas`,
         * `.spec.containers[name="a"].image`, `.finalizers[="x"]`.
         */
        fun pathString(path: List<String>): String = path.joinToString("") { element ->
            val body = element.substring(2)
            when (element[0]) {
                'f' -> ".$body"
                'k' -> (Json.parseToJsonElement(body) as JsonObject).entries.joinToString(",", "[", "]") { "${it.key}=${it.value}" }
                'v' -> "[=$body]"
                else -> "[$body]"
            }
        }

        fun fieldName(element: String): String? = if (element.startsWith("f:")) element.substring(2) else null
    }
}
