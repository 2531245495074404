package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Statuses
import io.kubekt.test.registry.storageKey
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonObject

/**
 * GET and LIST with resourceVersion semantics (unset = latest, "0" = any, NotOlderThan, Exact,
 * and the legacy rule that a limited list at a non-zero resourceVersion is Exact), selectors and
 * limit/continue paging over a consistent snapshot.
 */
internal class Reads(private val cluster: Cluster) {
    companion object {
        const val EXPIRED = "The resourceVersion for the provided list is too old."
        const val CONTINUE_EXPIRED = "The provided continue parameter is too old to display a consistent list result. " +
            "You can start a new list without the continue parameter, or use the continue token in this response to " +
            "retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - " +
            "objects that were created, modified, or deleted between the time the first chunk was returned and now may " +
            "show up in the list."
    }

    fun get(type: ResourceType, namespace: String?, name: String, resourceVersion: Long?): JsonObject = cluster.locked {
        if (resourceVersion != null && resourceVersion > cluster.store.resourceVersion) {
            throw Statuses.tooLargeResourceVersion(resourceVersion, cluster.store.resourceVersion)
        }
        cluster.require(type, namespace, name)
    }

    /** The matching objects and the snapshot resourceVersion they were read at. */
    class Page(val items: List<JsonObject>, val resourceVersion: Long, val continueToken: String?, val remaining: Long?)

    fun list(type: ResourceType, namespace: String?, options: ListOptions): Page = cluster.locked {
        val current = cluster.store.resourceVersion
        val prefix = cluster.prefix(type, namespace)
        val token = options.continueToken?.let { ContinueToken.decode(it) }
        if (token != null && options.rv != null && options.rv != 0L) {
            throw Statuses.badRequest("specifying resource version is not allowed when using continue")
        }
        val requested = options.rv
        val exact = options.resourceVersionMatch == "Exact" ||
            (options.resourceVersionMatch == null && options.limit != null && requested != null && requested > 0)
        if (requested != null && requested > current) throw Statuses.tooLargeResourceVersion(requested, current)
        val snapshot: Long
        val entries = when {
            token != null && token.rv == -1L -> { snapshot = current; cluster.store.list(type.storageKey, prefix) }
            token != null -> {
                snapshot = token.rv
                try {
                    cluster.store.listAt(type.storageKey, prefix, token.rv, EXPIRED)
                } catch (e: io.kubekt.test.api.ApiError) {
                    val fresh = ContinueToken(rv = -1, start = token.start).encode()
                    throw Statuses.expired(CONTINUE_EXPIRED, fresh)
                }
            }
            exact -> { snapshot = requested!!; cluster.store.listAt(type.storageKey, prefix, requested, EXPIRED) }
            else -> { snapshot = current; cluster.store.list(type.storageKey, prefix) }
        }
        val startKey = token?.start?.let { prefix + it }
        val matching = entries.filter { (key, obj) -> (startKey == null || key >= startKey) && matches(obj, options) }
        val limit = options.limit
        if (limit == null || matching.size <= limit) return@locked Page(matching.map { it.second }, snapshot, null, null)
        val page = matching.take(limit.toInt())
        val next = ContinueToken(rv = snapshot, start = page.last().first.removePrefix(prefix) + "\u0000").encode()
        val unfiltered = options.labels.requirements.isEmpty() && options.fields.terms.isEmpty()
        Page(page.map { it.second }, snapshot, next, if (unfiltered) (matching.size - page.size).toLong() else null)
    }

    fun matches(obj: JsonObject, options: ListOptions): Boolean =
        options.labels.matches(Objects.labels(obj)) && options.fields.matches(obj)
}
