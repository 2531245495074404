package io.kubekt.client

import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.request.KubeRequest
import io.kubekt.transport.KubeResponse
import java.util.concurrent.CopyOnWriteArrayList

/**
 * A paging server over [names]: pages of the request's limit, continue tokens `page-N`; a token
 * listed in [expired] answers 410 Expired once, with a Status carrying [inconsistentToken] when set.
 */
internal class PagingServer(
    private val names: List<String>,
    private val expired: MutableSet<String> = mutableSetOf(),
    private val inconsistentToken: String? = null,
) {
    val requests: MutableList<List<Pair<String, String>>> = CopyOnWriteArrayList()

    fun respond(r: KubeRequest): KubeResponse {
        requests += r.query
        val query = r.query.toMap()
        val token = query["continue"]
        if (token != null && expired.remove(token)) {
            val meta = inconsistentToken?.let { ""","metadata":{"continue":"$it"}""" } ?: ""
            val status = Status.TYPE.decode("""{"kind":"Status","code":410,"reason":"Expired","message":"too old"$meta}""")
            throw ApiException(status, r.method, r.path, FakeCluster.SERVER)
        }
        val start = token?.removePrefix("page-")?.toInt() ?: 0
        val limit = query.getValue("limit").toInt()
        val end = minOf(start + limit, names.size)
        val next = if (end < names.size) "page-$end" else ""
        val items = names.subList(start, end).joinToString(",") { """{"metadata":{"name":"$it"}}""" }
        return FakeExecutor.ok("""{"kind":"ConfigMapList","metadata":{"continue":"$next"},"items":[$items]}""")
    }
}
