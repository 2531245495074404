package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.error.ApiException
import io.kubekt.request.ListOptions

/**
 * Steps through the pages of a list following continue tokens (client-go's ListPager), one page
 * per [next] call, handling an expired token by [policy]. Shared by the Kotlin Flow and the Java
 * Stream of `listAll`.
 */
internal class ListPager<T>(
    options: ListOptions,
    private val policy: ExpiredListPolicy,
    private val page: suspend (ListOptions) -> KubeList<out T>,
) {
    private val first: ListOptions = options.toBuilder().apply { if (limit == null) limit = DEFAULT_LIMIT }.build()
    private var token: String? = null
    private var started = false
    private var done = false

    /** The elements of the next page (with a marker first after an expiry), or null when the list is complete. */
    suspend fun next(): List<ListAllElement<T>>? {
        if (done) return null
        val list = try {
            page(if (started) pageOptions() else first)
        } catch (e: ApiException) {
            return expired(e)
        }
        started = true
        token = list.metadata?.`continue`?.takeIf { it.isNotEmpty() }
        if (token == null) done = true
        return list.items.map { ListAllElement.Item(it) }
    }

    private fun pageOptions(): ListOptions = first.toBuilder().apply {
        continueToken = token
        resourceVersion = null // a continue token carries its snapshot; after a restart, read the latest
        resourceVersionMatch = null
    }.build()

    private fun expired(e: ApiException): List<ListAllElement<T>> {
        if (!e.isExpired || (token == null && (started || first.continueToken == null))) throw e
        return when (policy) {
            ExpiredListPolicy.FAIL -> throw e
            ExpiredListPolicy.RESTART -> {
                token = null
                started = true
                listOf(ListAllElement.Restarted)
            }
            ExpiredListPolicy.CONTINUE_INCONSISTENT -> {
                token = e.status.metadata?.`continue`?.takeIf { it.isNotEmpty() } ?: throw e
                listOf(ListAllElement.ContinuedInconsistently)
            }
        }
    }

    companion object {
        /** The page size when the options set none (client-go's pager uses 500 too). */
        const val DEFAULT_LIMIT: Long = 500
    }
}
