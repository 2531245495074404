package io.kubekt.informer.reflector

import io.kubekt.request.ListOptions
import io.kubekt.request.ResourceVersionMatch

/**
 * The options a reflector sends (docs/decisions/reflector.md):
 * - every list page: no resourceVersion and no resourceVersionMatch, a consistent read of the
 *   latest state ("0" may be served from a stale cache and go back in time, and disables
 *   paging; a non-zero resourceVersion without a match means the legacy Exact rule for pages,
 *   which fails with 410 once compacted); `limit` = page size, `continue` for further pages;
 * - a watch: resourceVersion = the list's, then the last seen (event or bookmark), no match,
 *   `allowWatchBookmarks=true`, `timeoutSeconds` below the idle deadline;
 * - a WatchList: `sendInitialEvents=true`, `resourceVersionMatch=NotOlderThan` with the last
 *   seen resourceVersion when there is one.
 */
internal class ReflectorRequests(private val config: ReflectorConfig) {
    fun listPage(continueToken: String?): ListOptions = ListOptions(
        labelSelector = config.labelSelector,
        fieldSelector = config.fieldSelector,
        limit = config.pageSize,
        continueToken = continueToken,
    )

    fun watch(resourceVersion: String): ListOptions = ListOptions(
        labelSelector = config.labelSelector,
        fieldSelector = config.fieldSelector,
        resourceVersion = resourceVersion,
        allowWatchBookmarks = true,
        timeoutSeconds = config.watchTimeout.inWholeSeconds,
    )

    /**
     * A WatchList from [resourceVersion] or, when null, from the latest state. The latter should
     * send `resourceVersionMatch=NotOlderThan` without a resourceVersion, which [ListOptions]
     * refuses today; it goes without the match, a server that insists refuses it (422) and the
     * reflector falls back to lists.
     */
    fun watchList(resourceVersion: String?): ListOptions = ListOptions(
        labelSelector = config.labelSelector,
        fieldSelector = config.fieldSelector,
        resourceVersion = resourceVersion,
        resourceVersionMatch = resourceVersion?.let { ResourceVersionMatch.NOT_OLDER_THAN },
        allowWatchBookmarks = true,
        sendInitialEvents = true,
        timeoutSeconds = config.watchTimeout.inWholeSeconds,
    )
}
