package io.kubekt.request

import io.kubekt.api.KubeDsl

/**
 * Options of a list or watch (metav1 `ListOptions`): selectors, paging, resourceVersion
 * semantics, watch settings. Immutable. Unset (null) options are not sent.
 *
 * ```kotlin
 * ListOptions(labelSelector = "app=web", limit = 50)
 * ListOptions { limit = 50; continueToken = page.metadata.continueToken }
 * ListOptions { limit = 50; labels { "app" eq "web"; exists("env") }; fields { "status.phase" eq "Running" } }
 * ```
 * ```java
 * ListOptions.builder().labelSelector("app=web").limit(50).build();
 * ListOptions.builder().labelSelector(LabelSelector.builder().eq("app", "web").build()).build();
 * ```
 * Selectors built with [LabelSelector] and [FieldSelector] are checked when built; a selector
 * given as a string is sent as is (the server judges it).
 * Call with names from Kotlin: the positional order of the constructor is not a contract.
 * The `watch` parameter is not an option here: a watch request (verb WATCH) sets it.
 *
 * @throws IllegalArgumentException for a negative limit or timeout, or a
 *   [resourceVersionMatch] without a [resourceVersion] (the server refuses both) — except
 *   `NotOlderThan` on a WatchList (`sendInitialEvents = true`), which with no resourceVersion
 *   asks for the initial events from a consistent read.
 */
public class ListOptions(
    /** Label selector, e.g. `app=web,tier!=db` or `env in (prod,staging)`. */
    public val labelSelector: String? = null,
    /** Field selector, e.g. `metadata.name=web` or `status.phase!=Running`. */
    public val fieldSelector: String? = null,
    /** The page size; the server returns a continue token when more items remain. */
    public val limit: Long? = null,
    /** The `continue` token of the previous page. */
    public val continueToken: String? = null,
    public val resourceVersion: String? = null,
    public val resourceVersionMatch: ResourceVersionMatch? = null,
    /** Ends a watch (or bounds a list) after this many seconds on the server side. */
    public val timeoutSeconds: Long? = null,
    /** Asks a watch for BOOKMARK events carrying the latest resourceVersion. */
    public val allowWatchBookmarks: Boolean? = null,
    /** Asks a watch to start with the current state as ADDED events (WatchList). */
    public val sendInitialEvents: Boolean? = null,
) : QueryOptions {
    init {
        require(limit == null || limit >= 0) { "limit must be >= 0, was $limit" }
        require(timeoutSeconds == null || timeoutSeconds >= 0) { "timeoutSeconds must be >= 0, was $timeoutSeconds" }
        val watchList = sendInitialEvents == true && resourceVersionMatch == ResourceVersionMatch.NOT_OLDER_THAN
        require(resourceVersionMatch == null || !resourceVersion.isNullOrEmpty() || watchList) {
            "resourceVersionMatch=${resourceVersionMatch?.value} needs a resourceVersion"
        }
    }

    override fun toQuery(): List<Pair<String, String>> = buildList {
        labelSelector?.takeIf { it.isNotEmpty() }?.let { add("labelSelector" to it) }
        fieldSelector?.takeIf { it.isNotEmpty() }?.let { add("fieldSelector" to it) }
        resourceVersion?.takeIf { it.isNotEmpty() }?.let { add("resourceVersion" to it) }
        resourceVersionMatch?.let { add("resourceVersionMatch" to it.value) }
        limit?.let { add("limit" to it.toString()) }
        continueToken?.takeIf { it.isNotEmpty() }?.let { add("continue" to it) }
        timeoutSeconds?.let { add("timeoutSeconds" to it.toString()) }
        allowWatchBookmarks?.let { add("allowWatchBookmarks" to it.toString()) }
        sendInitialEvents?.let { add("sendInitialEvents" to it.toString()) }
    }

    /** A builder holding these options, to derive changed ones (e.g. the next page). */
    public fun toBuilder(): Builder = Builder().also { b ->
        b.labelSelector = labelSelector; b.fieldSelector = fieldSelector; b.limit = limit
        b.continueToken = continueToken; b.resourceVersion = resourceVersion
        b.resourceVersionMatch = resourceVersionMatch; b.timeoutSeconds = timeoutSeconds
        b.allowWatchBookmarks = allowWatchBookmarks; b.sendInitialEvents = sendInitialEvents
    }

    override fun equals(other: Any?): Boolean = other is ListOptions && other.toQuery() == toQuery()

    override fun hashCode(): Int = toQuery().hashCode()

    override fun toString(): String = "ListOptions(" + toQuery().joinToString { (k, v) -> "$k=$v" } + ")"

    /** Collects [ListOptions]: properties and `labels { }` / `fields { }` blocks for Kotlin, fluent setters for Java. */
    @KubeDsl
    public class Builder {
        public var labelSelector: String? = null
        public var fieldSelector: String? = null
        public var limit: Long? = null
        public var continueToken: String? = null
        public var resourceVersion: String? = null
        public var resourceVersionMatch: ResourceVersionMatch? = null
        public var timeoutSeconds: Long? = null
        public var allowWatchBookmarks: Boolean? = null
        public var sendInitialEvents: Boolean? = null

        public fun labelSelector(value: String?): Builder = apply { labelSelector = value }
        public fun fieldSelector(value: String?): Builder = apply { fieldSelector = value }

        /** Sets the label selector to [selector]'s rendered form (replacing any set before). */
        public fun labelSelector(selector: LabelSelector): Builder = apply { labelSelector = selector.toString() }

        /** Sets the field selector to [selector]'s rendered form (replacing any set before). */
        public fun fieldSelector(selector: FieldSelector): Builder = apply { fieldSelector = selector.toString() }

        /**
         * Sets the label selector from a block: `labels { "app" eq "web"; exists("env") }`
         * (replacing any set before).
         *
         * @throws IllegalArgumentException at the offending line for an invalid key or value.
         */
        @JvmSynthetic
        public fun labels(block: LabelSelector.Builder.() -> Unit) {
            labelSelector(LabelSelector(block))
        }

        /** Sets the field selector from a block: `fields { "status.phase" eq "Running" }` (replacing any set before). */
        @JvmSynthetic
        public fun fields(block: FieldSelector.Builder.() -> Unit) {
            fieldSelector(FieldSelector(block))
        }
        public fun limit(value: Long): Builder = apply { limit = value }
        public fun continueToken(value: String?): Builder = apply { continueToken = value }
        public fun resourceVersion(value: String?): Builder = apply { resourceVersion = value }
        public fun resourceVersionMatch(value: ResourceVersionMatch?): Builder = apply { resourceVersionMatch = value }
        public fun timeoutSeconds(value: Long): Builder = apply { timeoutSeconds = value }
        public fun allowWatchBookmarks(value: Boolean): Builder = apply { allowWatchBookmarks = value }
        public fun sendInitialEvents(value: Boolean): Builder = apply { sendInitialEvents = value }

        /** @throws IllegalArgumentException as the [ListOptions] constructor does. */
        public fun build(): ListOptions = ListOptions(
            labelSelector = labelSelector, fieldSelector = fieldSelector, limit = limit,
            continueToken = continueToken, resourceVersion = resourceVersion,
            resourceVersionMatch = resourceVersionMatch, timeoutSeconds = timeoutSeconds,
            allowWatchBookmarks = allowWatchBookmarks, sendInitialEvents = sendInitialEvents,
        )
    }

    public companion object {
        /** No options: list everything. */
        @JvmField
        public val NONE: ListOptions = ListOptions()

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()
    }
}

/** Builds [ListOptions] with a builder block: `ListOptions { limit = 50 }`. */
@JvmSynthetic
public fun ListOptions(block: ListOptions.Builder.() -> Unit): ListOptions = ListOptions.Builder().apply(block).build()
