package io.kubekt.client

import io.kubekt.request.KubeRequest
import io.kubekt.request.PatchType
import io.kubekt.request.QueryOptions
import io.kubekt.request.RequestBuilder
import io.kubekt.transport.KubeResponse
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emitAll
import kotlinx.coroutines.flow.flow
import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.SerializationStrategy
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.serializer
import java.time.Duration

/**
 * One request of a [RestClient]: the fluent setters of [RequestBuilder], then an execute call.
 *
 * Kotlin calls suspend (`execute<T>()`, `executeBytes()`, `executeString()`, `executeJson()`)
 * and streams as a [Flow] (`stream()`). Java sees the same names blocking, the
 * `CompletableFuture` variants under [async], and `stream(listener)`; see
 * `docs/decisions/java-face.md`. Errors: [io.kubekt.error.ApiException] for an error answer,
 * [io.kubekt.error.TransportException] / [io.kubekt.error.TlsException] for no answer,
 * [io.kubekt.error.DecodeException] when the body does not decode.
 *
 * Not thread-safe while being built; executing builds the request anew each time.
 */
public class RestRequest internal constructor(private val client: KubeClient, private val spec: RequestBuilder) {
    public fun absPath(vararg segments: String): RestRequest = apply { spec.absPath(*segments) }
    public fun groupVersion(group: String, version: String): RestRequest = apply { spec.groupVersion(group, version) }
    public fun namespace(namespace: String): RestRequest = apply { spec.namespace(namespace) }
    public fun resource(resource: String): RestRequest = apply { spec.resource(resource) }
    public fun name(name: String): RestRequest = apply { spec.name(name) }
    public fun subresource(subresource: String): RestRequest = apply { spec.subresource(subresource) }
    public fun suffix(vararg segments: String): RestRequest = apply { spec.suffix(*segments) }
    public fun param(name: String, value: String): RestRequest = apply { spec.param(name, value) }
    public fun params(options: QueryOptions): RestRequest = apply { spec.params(options) }
    public fun header(name: String, value: String): RestRequest = apply { spec.header(name, value) }

    @JvmOverloads
    public fun body(bytes: ByteArray, contentType: String? = null): RestRequest = apply { spec.body(bytes, contentType) }

    @JvmOverloads
    public fun body(text: String, contentType: String? = null): RestRequest = apply { spec.body(text, contentType) }
    public fun <T> body(value: T, serializer: SerializationStrategy<T>): RestRequest = apply { spec.body(value, serializer) }
    public fun body(value: Any): RestRequest = apply { spec.body(value) }
    public fun timeout(timeout: Duration): RestRequest = apply { spec.timeout(timeout) }

    @JvmSynthetic
    public fun timeout(timeout: kotlin.time.Duration): RestRequest = apply { spec.timeout(timeout) }
    internal fun patchType(type: PatchType): RestRequest = apply { spec.patchType(type) }

    /** The request this sends, without sending it. See [RequestBuilder.build]. */
    public fun build(): KubeRequest = spec.build()

    /** Sends the request and decodes the answer into [T]. */
    @JvmSynthetic
    public suspend inline fun <reified T> execute(): T = execute(serializer<T>())

    /** Sends the request and decodes the answer with [deserializer]. */
    @JvmSynthetic
    public suspend fun <T> execute(deserializer: DeserializationStrategy<T>): T = execute(build(), deserializer)

    /** Sends the request; the answer's body. */
    @JvmSynthetic
    public suspend fun executeBytes(): ByteArray = send(build()).body

    /** Sends the request; the answer's body as UTF-8 text. */
    @JvmSynthetic
    public suspend fun executeString(): String = send(build()).body.decodeToString()

    /** Sends the request; the answer as a JSON tree. */
    @JvmSynthetic
    public suspend fun executeJson(): JsonElement = executeJson(build())

    /**
     * The response's newline-delimited lines (a watch, a followed log), as a cold flow: each
     * collect sends the request; lines arrive as the server sends them; when the collector stops
     * or is cancelled the connection is closed.
     */
    @JvmSynthetic
    public fun stream(): Flow<String> = lines(spec.build(streaming = true))

    /** Java: [execute] blocking, decoding into [type] (a `@Serializable` class). */
    @JvmName("execute")
    public fun <T : Any> executeBlocking(type: Class<T>): T = executeBlocking(ResponseDecoder.serializerFor(type))

    /** Java: [execute] blocking. */
    @JvmName("execute")
    public fun <T> executeBlocking(deserializer: DeserializationStrategy<T>): T =
        client.bridge.blocking { execute(deserializer) }

    /** Java: [executeBytes] blocking. */
    @JvmName("executeBytes")
    public fun executeBytesBlocking(): ByteArray = client.bridge.blocking { executeBytes() }

    /** Java: [executeString] blocking. */
    @JvmName("executeString")
    public fun executeStringBlocking(): String = client.bridge.blocking { executeString() }

    /** Java: [executeJson] blocking. */
    @JvmName("executeJson")
    public fun executeJsonBlocking(): JsonElement = client.bridge.blocking { executeJson() }

    /**
     * Java: the streamed lines delivered to [listener] until the returned handle is closed, the
     * server ends the stream, or the client is closed.
     */
    public fun stream(listener: LineListener): StreamHandle {
        client.checkOpen()
        val request = spec.build(streaming = true)
        return client.bridge.stream(lines(request), listener, RequestLog.describe(request))
    }

    /** Java: the `CompletableFuture` variants of the execute calls. */
    public fun async(): AsyncRestRequest = AsyncRestRequest(this)

    internal suspend fun <T> execute(request: KubeRequest, deserializer: DeserializationStrategy<T>): T =
        ResponseDecoder.decode(deserializer, send(request), request, client.config.server)

    internal suspend fun executeJson(request: KubeRequest): JsonElement =
        ResponseDecoder.json(send(request), request, client.config.server)

    internal suspend fun send(request: KubeRequest): KubeResponse {
        client.checkOpen()
        return RequestLog.send(client.executor, request)
    }

    /** The client's bridge, for the future variants; refuses a closed client up front. */
    internal fun bridge(): CoroutineBridge {
        client.checkOpen()
        return client.bridge
    }

    private fun lines(request: KubeRequest): Flow<String> = flow {
        client.checkOpen()
        RequestLog.streaming(request)
        emitAll(client.executor.streamLines(request))
    }

    override fun toString(): String = "RestRequest(" + (runCatching { spec.build().toString() }.getOrElse { "incomplete" }) + ")"
}
