package io.kubekt.client

import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.json.JsonElement
import java.util.concurrent.CompletableFuture

/**
 * The `CompletableFuture` face of a [RestRequest], for Java: the same calls as its blocking ones.
 * Each call builds the request when it is made and runs it on the client's coroutines;
 * cancelling the future cancels the HTTP call, and closing the client cancels the future. A
 * failed future holds the kubekt exception itself (wrapped in `CompletionException` by `join`).
 */
public class AsyncRestRequest internal constructor(private val request: RestRequest) {
    /** Sends the request and decodes the answer into [type] (a `@Serializable` class). */
    public fun <T : Any> execute(type: Class<T>): CompletableFuture<T> = execute(ResponseDecoder.serializerFor(type))

    /** Sends the request and decodes the answer with [deserializer]. */
    public fun <T> execute(deserializer: DeserializationStrategy<T>): CompletableFuture<T> {
        val built = request.build()
        return request.bridge().future { request.execute(built, deserializer) }
    }

    /** Sends the request; the answer's body. */
    public fun executeBytes(): CompletableFuture<ByteArray> {
        val built = request.build()
        return request.bridge().future { request.send(built).body }
    }

    /** Sends the request; the answer's body as UTF-8 text. */
    public fun executeString(): CompletableFuture<String> {
        val built = request.build()
        return request.bridge().future { request.send(built).body.decodeToString() }
    }

    /** Sends the request; the answer as a JSON tree. */
    public fun executeJson(): CompletableFuture<JsonElement> {
        val built = request.build()
        return request.bridge().future { request.executeJson(built) }
    }
}
