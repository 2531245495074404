package io.kubekt.test.selector

import io.kubekt.test.api.Statuses

/** One requirement of a label selector. */
internal sealed class Requirement {
    abstract fun matches(labels: Map<String, String>): Boolean

    data class Equals(val key: String, val value: String) : Requirement() {
        override fun matches(labels: Map<String, String>) = labels[key] == value
    }
    data class NotEquals(val key: String, val value: String) : Requirement() {
        override fun matches(labels: Map<String, String>) = labels[key] != value
    }
    data class In(val key: String, val values: Set<String>) : Requirement() {
        override fun matches(labels: Map<String, String>) = labels[key]?.let { it in values } ?: false
    }
    data class NotIn(val key: String, val values: Set<String>) : Requirement() {
        override fun matches(labels: Map<String, String>) = labels[key]?.let { it !in values } ?: true
    }
    data class Exists(val key: String) : Requirement() {
        override fun matches(labels: Map<String, String>) = key in labels
    }
    data class DoesNotExist(val key: String) : Requirement() {
        override fun matches(labels: Map<String, String>) = key !in labels
    }
    data class Compare(val key: String, val greater: Boolean, val bound: Long) : Requirement() {
        override fun matches(labels: Map<String, String>): Boolean {
            val v = labels[key]?.toLongOrNull() ?: return false
            return if (greater) v > bound else v < bound
        }
    }
}

/**
 * A parsed `labelSelector` (`=`, `==`, `!=`, `in`, `notin`, exists, `!` not exists, `>`, `<`),
 * matching as `k8s.io/apimachinery/pkg/labels` does. An empty selector matches everything.
 */
internal class LabelSelector(val requirements: List<Requirement>) {
    fun matches(labels: Map<String, String>): Boolean = requirements.all { it.matches(labels) }

    companion object {
        val EVERYTHING = LabelSelector(emptyList())

        /** Parses [text]; a malformed selector is a 400 BadRequest as on a real server. */
        fun parse(text: String?): LabelSelector {
            if (text.isNullOrBlank()) return EVERYTHING
            return try {
                LabelSelector(LabelSelectorParser(text).parse())
            } catch (e: IllegalArgumentException) {
                throw Statuses.badRequest("unable to parse requirement: ${e.message}")
            }
        }
    }
}
