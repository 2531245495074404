package io.kubekt.test.patch

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject

/**
 * The field sets of objects, as structured-merge-diff computes them: [of] gives the fields an
 * applied configuration sets; [diff] what changed between two states of an object.
 */
internal object ObjectFields {
    /** What changed from one state to the next: [touched] added or modified, [removed] gone (whole subtrees). */
    class Diff(val touched: FieldSet, val removed: FieldSet)

    /** The fields [value] sets: leaves, list items and map entries; declared fields holding objects only through their leaves. */
    fun of(value: JsonObject, node: SchemaNode): FieldSet = FieldSet().also { collectMap(value, node, it) }

    private fun collect(value: JsonElement, node: SchemaNode, set: FieldSet) {
        when (value) {
            is JsonObject -> if (node.atomicMap || node.isScalar || value.isEmpty()) set.member = true else collectMap(value, node, set)
            is JsonArray -> collectList(value, node, set)
            else -> set.member = true
        }
    }

    private fun collectMap(value: JsonObject, node: SchemaNode, set: FieldSet) {
        for ((key, child) in value) {
            val childSet = set.child(FieldSet.field(key))
            collect(child, node.child(key), childSet)
            if (!node.declares(key) || child is JsonNull) childSet.member = true
        }
    }

    private fun collectList(value: JsonArray, node: SchemaNode, set: FieldSet) {
        val elements = value.map { element(it, node.listType) }
        if (value.isEmpty() || elements.any { it == null }) {
            set.member = true
            return
        }
        value.forEachIndexed { i, item ->
            val childSet = set.child(elements[i]!!)
            childSet.member = true
            if (node.listType is SchemaNode.ListType.Map) collect(item, node.item(), childSet)
        }
    }

    /** The path element of a list item: `k:{keys}` in a map list, `v:value` in a set; null in an atomic list. */
    fun element(item: JsonElement, listType: SchemaNode.ListType): String? = when (listType) {
        SchemaNode.ListType.Atomic -> null
        SchemaNode.ListType.Set -> FieldSet.value(item)
        is SchemaNode.ListType.Map -> (item as? JsonObject)?.let { obj ->
            val keys = listType.keys.mapNotNull { key -> obj[key]?.let { key to it } }.toMap()
            if (keys.isEmpty()) null else FieldSet.key(JsonObject(keys))
        }
    }

    /**
     * What changed from [old] to [new]. Added objects and lists are members themselves (`"."`)
     * when they are map entries, list items, lists or maps; declared fields holding objects are not.
     */
    fun diff(old: JsonObject, new: JsonObject, node: SchemaNode): Diff {
        val touched = FieldSet()
        val removed = FieldSet()
        walkMap(old, new, node, touched, removed)
        return Diff(touched, removed)
    }

    private fun walk(old: JsonElement?, new: JsonElement?, node: SchemaNode, entry: Boolean, touched: FieldSet, removed: FieldSet) {
        when {
            new == null -> removed.member = true
            old == null -> added(new, node, entry, touched)
            old == new -> Unit
            old is JsonObject && new is JsonObject && !node.atomicMap && !node.isScalar -> walkMap(old, new, node, touched, removed)
            old is JsonArray && new is JsonArray && node.listType != SchemaNode.ListType.Atomic -> walkList(old, new, node, touched, removed)
            else -> touched.member = true
        }
    }

    private fun walkMap(old: JsonObject, new: JsonObject, node: SchemaNode, touched: FieldSet, removed: FieldSet) {
        for (key in old.keys + new.keys) {
            val element = FieldSet.field(key)
            walk(old[key], new[key], node.child(key), !node.declares(key), touched.child(element), removed.child(element))
        }
    }

    private fun walkList(old: JsonArray, new: JsonArray, node: SchemaNode, touched: FieldSet, removed: FieldSet) {
        val type = node.listType
        val before = old.associateBy { element(it, type) }
        val after = new.associateBy { element(it, type) }
        if (null in before || null in after) {
            touched.member = true
            return
        }
        for (element in before.keys + after.keys) {
            walk(before[element], after[element], node.item(), true, touched.child(element!!), removed.child(element))
        }
    }

    private fun added(value: JsonElement, node: SchemaNode, entry: Boolean, touched: FieldSet) {
        when {
            value is JsonObject && !node.atomicMap && !node.isScalar && value.isNotEmpty() -> {
                touched.member = entry || !node.isStruct
                value.forEach { (key, child) -> added(child, node.child(key), !node.declares(key), touched.child(FieldSet.field(key))) }
            }
            value is JsonArray && value.isNotEmpty() && node.listType != SchemaNode.ListType.Atomic -> {
                val elements = value.map { element(it, node.listType) }
                touched.member = true
                if (elements.any { it == null }) return
                value.forEachIndexed { i, item -> added(item, node.item(), true, touched.child(elements[i]!!)) }
            }
            else -> touched.member = true
        }
    }
}
