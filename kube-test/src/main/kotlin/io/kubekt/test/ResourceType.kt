package io.kubekt.test

import io.kubekt.api.GroupVersionResource

/**
 * A resource the server serves: its [GroupVersionResource], kind and list kind, scope, names,
 * verbs, subresources and the per-resource behaviour the API server's strategy gives it.
 *
 * Objects of every type are stored as JSON, so any resource can be added with [builder].
 */
public class ResourceType private constructor(b: Builder) {
    public val gvr: GroupVersionResource = GroupVersionResource(b.group, b.version, b.plural)
    public val kind: String = b.kind
    public val listKind: String = b.listKind ?: "${b.kind}List"
    public val singular: String = b.singular ?: b.kind.lowercase()
    public val namespaced: Boolean = b.namespaced
    public val shortNames: List<String> = b.shortNames.toList()
    public val categories: List<String> = b.categories.toList()
    public val verbs: List<String> = b.verbs.toList()
    /** `status` and/or `scale`. */
    public val subresources: List<String> = b.subresources.toList()
    /** Field selector labels accepted besides `metadata.name` (and `metadata.namespace` when namespaced). */
    public val extraFieldSelectors: List<String> = b.fieldSelectors.toList()
    public val nameRule: NameRule = b.nameRule
    /** Whether `metadata.generation` is kept (set to 1 on create, bumped on spec changes). */
    public val tracksGeneration: Boolean = b.tracksGeneration
    /** Custom resources are stored unstructured: JSON keys sorted, list items keep kind and apiVersion. */
    public val custom: Boolean = b.custom
    internal val fieldErrorStyleGeneric: Boolean = b.genericFieldError
    internal val gracefulDelete: Boolean = b.gracefulDelete
    internal val returnDeletedObject: Boolean = b.returnDeletedObject

    public val group: String get() = gvr.group
    public val version: String get() = gvr.version
    public val plural: String get() = gvr.resource
    public val apiVersion: String get() = gvr.groupVersion

    override fun toString(): String = "ResourceType(${gvr.groupVersion} $plural, kind=$kind)"

    /** Builds a [ResourceType]; defaults match a namespaced built-in with every verb. */
    public class Builder internal constructor(
        internal val group: String,
        internal val version: String,
        internal val plural: String,
        internal val kind: String,
    ) {
        internal var listKind: String? = null
        internal var singular: String? = null
        internal var namespaced = true
        internal val shortNames = mutableListOf<String>()
        internal val categories = mutableListOf<String>()
        internal val verbs = ALL_VERBS.toMutableList()
        internal val subresources = mutableListOf<String>()
        internal val fieldSelectors = mutableListOf<String>()
        internal var nameRule = NameRule.DNS1123_SUBDOMAIN
        internal var tracksGeneration = false
        internal var custom = false
        internal var genericFieldError = true
        internal var gracefulDelete = false
        internal var returnDeletedObject = false

        public fun listKind(value: String): Builder = apply { listKind = value }
        public fun singular(value: String): Builder = apply { singular = value }
        public fun namespaced(value: Boolean): Builder = apply { namespaced = value }
        public fun shortNames(vararg values: String): Builder = apply { shortNames += values }
        public fun categories(vararg values: String): Builder = apply { categories += values }
        public fun verbs(vararg values: String): Builder = apply { verbs.clear(); verbs += values }
        public fun statusSubresource(): Builder = apply { subresources += "status" }
        public fun scaleSubresource(): Builder = apply { subresources += "scale" }
        public fun fieldSelectors(vararg labels: String): Builder = apply { fieldSelectors += labels }
        public fun nameRule(value: NameRule): Builder = apply { nameRule = value }
        public fun tracksGeneration(value: Boolean): Builder = apply { tracksGeneration = value }
        /** Marks the type as a custom resource (unstructured storage, generation on any non-metadata change). */
        public fun custom(value: Boolean): Builder = apply { custom = value; if (value) tracksGeneration = true }
        internal fun customFieldError(): Builder = apply { genericFieldError = false }
        internal fun gracefulDelete(): Builder = apply { gracefulDelete = true; returnDeletedObject = true }
        public fun build(): ResourceType = ResourceType(this)
    }

    public companion object {
        internal val ALL_VERBS = listOf("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")

        /** Starts a [ResourceType] for `group/version plural` of [kind]; the core group is `""`. */
        @JvmStatic
        public fun builder(group: String, version: String, plural: String, kind: String): Builder =
            Builder(group, version, plural, kind)
    }
}
