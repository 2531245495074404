package io.kubekt.client

import io.kubekt.request.PatchType
import io.kubekt.request.RequestBuilder
import io.kubekt.request.Verb

/**
 * Raw access to the API in client-go's RESTClient shape: pick a verb, describe the path and
 * options, execute.
 *
 * ```kotlin
 * val pods: PodList = client.rest().get().namespace("kube-system").resource("pods")
 *     .params(ListOptions(limit = 50)).execute()
 * ```
 * ```java
 * PodList pods = client.rest().get().namespace("kube-system").resource("pods")
 *     .params(ListOptions.builder().limit(50).build()).execute(PodList.class);
 * ```
 * Requests start at [group]/[version] (`/api/v1` for the core group) unless they set `absPath`.
 */
public class RestClient internal constructor(
    private val client: KubeClient,
    /** The API group requests start in; `""` is the core group. */
    public val group: String,
    /** The API version requests start in. */
    public val version: String,
) {
    /** A GET: one object when a name is set, else a list. */
    public fun get(): RestRequest = request(Verb.GET)

    /** A POST: create. */
    public fun post(): RestRequest = request(Verb.CREATE)

    /** A PUT: replace (update). */
    public fun put(): RestRequest = request(Verb.UPDATE)

    /** A PATCH of [type]; the body's content type follows from it. */
    public fun patch(type: PatchType): RestRequest = request(Verb.PATCH).patchType(type)

    /** A DELETE: one object when a name is set, else the collection. */
    public fun delete(): RestRequest = request(Verb.DELETE)

    /** A watch: `watch=true`, streamed; read it with `stream`. */
    public fun watch(): RestRequest = request(Verb.WATCH)

    /** A request with any [verb]. */
    public fun request(verb: Verb): RestRequest =
        RestRequest(client, RequestBuilder(verb).groupVersion(group, version))

    override fun toString(): String = "RestClient(${client.config.server}, ${if (group.isEmpty()) "" else "$group/"}$version)"
}
