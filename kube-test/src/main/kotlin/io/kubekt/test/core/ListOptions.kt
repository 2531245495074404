package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.api.Cause
import io.kubekt.test.api.Statuses
import io.kubekt.test.selector.FieldSelector
import io.kubekt.test.selector.LabelSelector

/** Parsed and validated list/watch query parameters (`meta/v1 ListOptions`). */
internal class ListOptions(
    val labels: LabelSelector,
    val fields: FieldSelector,
    val resourceVersion: String?,
    val resourceVersionMatch: String?,
    val limit: Long?,
    val continueToken: String?,
    val watch: Boolean,
    val allowWatchBookmarks: Boolean,
    val sendInitialEvents: Boolean?,
    val timeoutSeconds: Long?,
) {
    /** The resourceVersion as a number, null when unset; "0" is 0. */
    val rv: Long? get() = resourceVersion?.let { parseRv(it) }

    companion object {
        fun parse(type: ResourceType, query: Map<String, String>): ListOptions {
            val watch = query["watch"].let { it == "true" || it == "1" }
            val rv = query["resourceVersion"]?.takeIf { it.isNotEmpty() }
            val match = query["resourceVersionMatch"]?.takeIf { it.isNotEmpty() }
            val send = query["sendInitialEvents"]?.let { it == "true" || it == "1" }
            val cont = query["continue"]?.takeIf { it.isNotEmpty() }
            validate(watch, rv, match, send, cont)
            rv?.let { parseRv(it) }
            return ListOptions(
                labels = LabelSelector.parse(query["labelSelector"]),
                fields = FieldSelector.parse(query["fieldSelector"], type),
                resourceVersion = rv,
                resourceVersionMatch = match,
                limit = query["limit"]?.toLongOrNull()?.takeIf { it > 0 },
                continueToken = cont,
                watch = watch,
                allowWatchBookmarks = query["allowWatchBookmarks"].let { it == "true" || it == "1" },
                sendInitialEvents = send,
                timeoutSeconds = query["timeoutSeconds"]?.toLongOrNull(),
            )
        }

        private fun parseRv(value: String): Long =
            value.toLongOrNull()?.takeIf { it >= 0 }
                ?: throw Statuses.badRequest("invalid resource version: strconv.ParseUint: parsing ${'"'}$value${'"'}: invalid syntax")

        /** `ValidateListOptions` of the API server, answered 422 Invalid on kind ListOptions.meta.k8s.io. */
        private fun validate(watch: Boolean, rv: String?, match: String?, send: Boolean?, cont: String?) {
            val errors = mutableListOf<Cause>()
            fun forbidden(field: String, detail: String) { errors += Cause("FieldValueForbidden", "Forbidden: $detail", field) }
            fun unsupported(value: String, supported: String) {
                errors += Cause("FieldValueNotSupported", "Unsupported value: \"$value\": supported values: $supported", "resourceVersionMatch")
            }
            if (watch) {
                if (send != null && match != "NotOlderThan") {
                    forbidden("resourceVersionMatch", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")
                }
                if (match != null) {
                    if (send == null) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided")
                    if (match != "NotOlderThan") unsupported(match, "\"NotOlderThan\"")
                    if (cont != null) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided")
                }
            } else {
                if (send != null) forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list")
                if (match != null) {
                    if (rv == null) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided")
                    if (cont != null) forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided")
                    if (match == "Exact" && rv == "0") forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"")
                    if (match != "Exact" && match != "NotOlderThan") unsupported(match, "\"Exact\", \"NotOlderThan\", \"\"")
                }
            }
            if (errors.isNotEmpty()) throw Statuses.invalid("ListOptions", "meta.k8s.io", "", errors)
        }
    }
}
