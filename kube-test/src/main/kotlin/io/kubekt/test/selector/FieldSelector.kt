package io.kubekt.test.selector

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Statuses
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject

/** One `field=value` / `field!=value` term. */
internal data class FieldTerm(val field: String, val value: String, val negated: Boolean)

/**
 * A parsed `fieldSelector`, restricted to the fields the resource supports (unknown fields are
 * a 400 BadRequest with the message the API server gives for that resource).
 */
internal class FieldSelector(val terms: List<FieldTerm>) {
    fun matches(obj: JsonObject): Boolean = terms.all { t ->
        val actual = valueOf(obj, t.field)
        if (t.negated) actual != t.value else actual == t.value
    }

    /** The single `metadata.name=` value, if the selector pins one. */
    fun pinnedName(): String? = terms.singleOrNull { it.field == "metadata.name" && !it.negated }?.value

    companion object {
        val EVERYTHING = FieldSelector(emptyList())

        fun parse(text: String?, type: ResourceType): FieldSelector {
            if (text.isNullOrBlank()) return EVERYTHING
            val terms = splitTerms(text).map { parseTerm(it) }
            val allowed = supported(type)
            terms.forEach { t ->
                if (t.field !in allowed) {
                    val message = if (type.fieldErrorStyleGeneric) {
                        "\"${t.field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
                    } else {
                        "field label not supported: ${t.field}"
                    }
                    throw Statuses.badRequest(message)
                }
            }
            return FieldSelector(terms)
        }

        fun supported(type: ResourceType): Set<String> =
            setOf("metadata.name", "metadata.namespace") + type.extraFieldSelectors

        private fun splitTerms(text: String): List<String> {
            val out = mutableListOf<String>()
            val sb = StringBuilder()
            var i = 0
            while (i < text.length) {
                val c = text[i]
                if (c == '\\' && i + 1 < text.length) { sb.append(text[i + 1]); i += 2; continue }
                if (c == ',') { out += sb.toString(); sb.clear() } else sb.append(c)
                i++
            }
            out += sb.toString()
            return out.map { it.trim() }.filter { it.isNotEmpty() }
        }

        private fun parseTerm(term: String): FieldTerm {
            val ops = listOf("!=", "==", "=")
            for (op in ops) {
                val at = term.indexOf(op)
                if (at > 0) {
                    return FieldTerm(term.substring(0, at).trim(), term.substring(at + op.length).trim(), op == "!=")
                }
            }
            throw Statuses.badRequest("invalid selector: '$term'; can't understand '$term'")
        }

        private fun valueOf(obj: JsonObject, field: String): String {
            val element = Objects.at(obj, field)
            return when {
                field == "status.podIPs" -> (Objects.at(obj, "status.podIPs") as? JsonArray)
                    ?.mapNotNull { Objects.text((it as? JsonObject)?.get("ip")) }?.joinToString(",") ?: ""
                field == "spec.unschedulable" || field == "spec.hostNetwork" -> Objects.text(element) ?: "false"
                field == "status.replicas" || field == "status.successful" -> Objects.text(element) ?: "0"
                field == "source" -> Objects.text(Objects.at(obj, "source.component")) ?: ""
                else -> Objects.text(element) ?: ""
            }
        }
    }
}
