package io.kubekt.client

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.KubeObject
import io.kubekt.api.ModelType
import io.kubekt.api.ResourceType
import io.kubekt.api.autoscaling.v1.Scale
import io.kubekt.error.ApiException
import io.kubekt.request.ApplyOptions
import io.kubekt.request.DeleteOptions
import io.kubekt.request.GetOptions
import io.kubekt.request.KubeJson
import io.kubekt.request.KubeRequest
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.QueryOptions
import io.kubekt.request.RequestBuilder
import io.kubekt.request.Verb
import io.kubekt.transport.KubeResponse
import io.kubekt.api.ListHead
import io.kubekt.watch.continuedPage
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.Flow
import java.util.Spliterator
import java.util.Spliterators
import java.util.stream.Stream
import java.util.stream.StreamSupport
import kotlinx.coroutines.flow.flow
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonPrimitive
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchLines
import io.kubekt.watch.WatchListener

/**
 * The engine behind the typed clients: builds each verb's request for [resource] in [namespace]
 * (null: cluster-scoped, or all namespaces for list and watch), sends it and decodes the answer.
 * Both faces of [ResourceClient] and [AllNamespacesClient] call these; nothing is written twice.
 */
internal class ResourceCalls<T : KubeModel<T, *>, L : KubeList<T>>(
    val client: KubeClient,
    val resource: ResourceType<T>,
    val namespace: String?,
    /** Lists and watch events skip `metadata.managedFields` while decoding ([withoutManagedFields]). */
    val dropManagedFields: Boolean = false,
) {
    private val type: ModelType<T> get() = resource.modelType

    /** The same calls, reading lists and watch events without managedFields. */
    fun withoutManagedFields(): ResourceCalls<T, L> =
        if (dropManagedFields) this else ResourceCalls(client, resource, namespace, dropManagedFields = true)

    private val listType: ModelType<*>
        get() = resource.listType ?: throw IllegalStateException("$resource has no list type in its model registry")

    fun request(verb: Verb, name: String? = null, subresource: String? = null): RequestBuilder {
        val b = RequestBuilder(verb).groupVersion(resource.group, resource.version)
        namespace?.let { b.namespace(it) }
        b.resource(resource.plural)
        name?.let { b.name(it) }
        subresource?.let { b.subresource(it) }
        return b
    }

    suspend fun send(request: KubeRequest): KubeResponse {
        client.checkOpen()
        return RequestLog.send(client.executor, request)
    }

    suspend fun <R : KubeModel<R, *>> call(builder: RequestBuilder, answer: ModelType<R>): R {
        val request = builder.build()
        return ResponseDecoder.decode(answer, send(request), request, client.config.server)
    }

    suspend fun get(name: String, options: GetOptions, subresource: String? = null): T =
        call(request(Verb.GET, name, subresource).params(options), type)

    suspend fun getOrNull(name: String, options: GetOptions): T? = try {
        get(name, options)
    } catch (e: ApiException) {
        if (e.code == 404) null else throw e
    }

    @Suppress("UNCHECKED_CAST")
    suspend fun list(options: ListOptions): L {
        val request = request(Verb.GET).params(options).build()
        return decodeList(send(request), request) as L
    }

    private fun decodeList(response: KubeResponse, request: KubeRequest): KubeModel<*, *> =
        ResponseDecoder.decode(listType, response, request, client.config.server, dropManagedFields)

    /**
     * Every page of the list, one page read ahead: as soon as a page's bytes have arrived its
     * continue token is read from the head of the body ([ListHead]) and the next page is
     * requested, so the server prepares page n+1 while page n is decoded and collected. A failed
     * read-ahead surfaces only after the pages before it were emitted; cancelling the collector
     * cancels it.
     */
    @Suppress("UNCHECKED_CAST")
    fun listPages(options: ListOptions): Flow<L> = flow {
        coroutineScope {
            var request = request(Verb.GET).params(options).build()
            var pending = fetch(request)
            while (true) {
                val response = pending.await().getOrThrow()
                val current = request
                val ahead = if (response.code in 200..299) ListHead.continueToken(response.body) else null
                if (ahead != null) {
                    request = request(Verb.GET).params(continuedPage(options, ahead)).build()
                    pending = fetch(request)
                }
                val page = decodeList(response, current) as L
                emit(page)
                if (ahead != null) continue
                // No head before the items (not how the API server writes lists): no read-ahead.
                val token = page.metadata?.`continue`?.takeIf { it.isNotEmpty() } ?: break
                request = request(Verb.GET).params(continuedPage(options, token)).build()
                pending = fetch(request)
            }
        }
    }

    /** Sends [request] in the background; the outcome, failure included, waits for [Deferred.await]. */
    private fun CoroutineScope.fetch(request: KubeRequest): Deferred<Result<KubeResponse>> =
        async { runCatching { send(request) } }

    fun listAll(options: ListOptions, policy: ExpiredListPolicy): Flow<ListAllElement<T>> = flow {
        val pager = ListPager(options, policy) { list(it) }
        while (true) {
            val page = pager.next() ?: break
            page.forEach { emit(it) }
        }
    }

    /** Java: [listAll] as a lazy stream; each page is fetched, blocking, when the stream reaches it. */
    fun listAllElementStream(options: ListOptions, policy: ExpiredListPolicy): Stream<ListAllElement<T>> {
        val pager = ListPager(options, policy) { list(it) }
        val elements = object : Iterator<ListAllElement<T>> {
            private var page: Iterator<ListAllElement<T>> = emptyList<ListAllElement<T>>().iterator()
            private var finished = false

            override fun hasNext(): Boolean {
                while (!page.hasNext() && !finished) {
                    val next = client.bridge.blocking { pager.next() }
                    if (next == null) finished = true else page = next.iterator()
                }
                return page.hasNext()
            }

            override fun next(): ListAllElement<T> = if (hasNext()) page.next() else throw NoSuchElementException()
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(elements, Spliterator.ORDERED or Spliterator.NONNULL), false)
    }

    fun listAllStream(options: ListOptions): Stream<T> =
        listAllElementStream(options, ExpiredListPolicy.FAIL).flatMap { e -> if (e is ListAllElement.Item<T>) Stream.of(e.obj) else Stream.empty() }

    /** Java: [watch] delivered to [listener] on the client's scope. */
    fun watchTo(options: ListOptions, listener: WatchListener<T>): StreamHandle {
        client.checkOpen()
        return client.bridge.collect(watch(options), listener::onEvent, listener::onClose, "watch $this")
    }

    suspend fun create(obj: T, options: QueryOptions): T =
        call(request(Verb.CREATE).params(options).body(type.encode(obj)), type)

    suspend fun update(obj: T, options: QueryOptions, subresource: String? = null): T =
        call(request(Verb.UPDATE, nameOf(obj), subresource).params(options).body(type.encode(obj)), type)

    suspend fun patch(name: String, patchType: PatchType, body: ByteArray, options: QueryOptions, subresource: String? = null): T =
        call(patchRequest(name, patchType, body, options, subresource), type)

    suspend fun apply(obj: T, options: ApplyOptions, subresource: String? = null): T =
        patch(nameOf(obj), PatchType.APPLY, type.encode(obj), options, subresource)

    suspend fun delete(name: String, options: DeleteOptions): DeleteResult<T> {
        val request = deleteBody(request(Verb.DELETE, name), options).build()
        val response = send(request)
        return DeleteResult.of(response.body) { bytes ->
            ResponseDecoder.decode(type, KubeResponse(response.code, response.headers, bytes), request, client.config.server)
        }
    }

    suspend fun deleteCollection(listOptions: ListOptions, options: DeleteOptions) {
        send(deleteBody(request(Verb.DELETE).params(listOptions), options).build())
    }

    fun watch(options: ListOptions): Flow<WatchEvent<T>> = flow {
        client.checkOpen()
        val request = request(Verb.WATCH).params(options).build(streaming = true)
        RequestLog.streaming(request)
        val lines = WatchLines(request.method, request.path, client.config.server) {
            type.decode(if (dropManagedFields) withoutManagedFields(it) else it)
        }
        client.executor.streamLines(request).collect { line ->
            if (line.isNotBlank()) emit(lines.decode(line))
        }
    }

    suspend fun getScale(name: String): Scale = call(request(Verb.GET, name, "scale"), Scale.TYPE)

    suspend fun updateScale(name: String, scale: Scale, options: QueryOptions): Scale =
        call(request(Verb.UPDATE, name, "scale").params(options).body(Scale.TYPE.encode(scale)), Scale.TYPE)

    suspend fun patchScale(name: String, patchType: PatchType, body: ByteArray, options: QueryOptions): Scale =
        call(patchRequest(name, patchType, body, options, "scale"), Scale.TYPE)

    private fun patchRequest(name: String, patchType: PatchType, body: ByteArray, options: QueryOptions, subresource: String?) =
        request(Verb.PATCH, name, subresource).patchType(patchType).params(options).body(body)

    private fun deleteBody(builder: RequestBuilder, options: DeleteOptions): RequestBuilder =
        if (options.isEmpty) builder else builder.body(KubeJson.encodeToString(JsonObject.serializer(), options.toJson()))

    fun nameOf(obj: T): String = (obj as? KubeObject)?.metadata?.name?.takeIf { it.isNotEmpty() }
        ?: throw IllegalArgumentException("the ${resource.kind} has no metadata.name: set one to update, patch or apply it")

    override fun toString(): String = "$resource${namespace?.let { " in namespace $it" } ?: ""}"

    internal companion object {
        /** The bytes of a JSON text body. */
        fun text(body: String): ByteArray = body.toByteArray(Charsets.UTF_8)

        /** A watch event's object (already a JSON tree) without `metadata.managedFields`, members otherwise in order. */
        fun withoutManagedFields(obj: JsonObject): JsonObject {
            val meta = obj["metadata"] as? JsonObject ?: return obj
            if ("managedFields" !in meta) return obj
            return JsonObject(obj + ("metadata" to JsonObject(meta - "managedFields")))
        }

        /** The value of a string member, or null. */
        fun JsonObject.string(key: String): String? = (this[key] as? JsonPrimitive)?.takeIf { it.isString }?.jsonPrimitive?.content
    }
}
