package io.kubekt.request

import kotlinx.serialization.SerializationException
import kotlinx.serialization.SerializationStrategy
import kotlinx.serialization.serializer
import java.time.Duration
import kotlin.time.toJavaDuration

/**
 * Builds a [KubeRequest] the way client-go's `rest.Request` does, with no I/O:
 *
 * ```
 * {absPath | /api/v1 | /apis/{group}/{version}} [/namespaces/{namespace}] [/{resource} [/{name} [/{subresource}]]] [/{suffix...}]
 * ```
 * A GET without a name on a resource is a LIST, a DELETE without a name a DELETE_COLLECTION
 * (as the API server itself classifies them); a WATCH adds `watch=true` and is streamed.
 *
 * Invalid input fails at the call that passes it, with [IllegalArgumentException] naming the
 * part (namespace, name, ...); an inconsistent combination fails in [build] with
 * [IllegalStateException]. Not thread-safe: one builder per request.
 */
public class RequestBuilder(
    /** What the request does; see the class comment for GET and DELETE on collections. */
    public val verb: Verb,
) {
    private var absPath: List<String>? = null
    private var group = ""
    private var version = "v1"
    private var namespace: String? = null
    private var resource: String? = null
    private var name: String? = null
    private var subresource: String? = null
    private var suffix: List<String> = emptyList()
    private val query = mutableListOf<Pair<String, String>>()
    private val headers = linkedMapOf<String, String>()
    private var body: ByteArray? = null
    private var contentType: String? = null
    private var patchType: PatchType? = null
    private var timeout: Duration? = null

    /** Replaces the group/version prefix with this absolute path (segments are split at `/`). */
    public fun absPath(vararg segments: String): RequestBuilder =
        apply { absPath = segments.flatMap { PathSegments.split(it) } }

    /** The API group and version: `""`/`v1` (the default) is `/api/v1`, others `/apis/{group}/{version}`. */
    public fun groupVersion(group: String, version: String): RequestBuilder = apply {
        if (group.isNotEmpty()) PathSegments.requireValid("group", group)
        this.group = group
        this.version = PathSegments.requireValid("version", version)
    }

    /** The namespace; leave it unset for cluster-scoped resources and for all namespaces. */
    public fun namespace(namespace: String): RequestBuilder =
        apply { this.namespace = PathSegments.requireValid("namespace", namespace) }

    /** The resource, plural and lower case: `pods`, `deployments`. */
    public fun resource(resource: String): RequestBuilder =
        apply { this.resource = PathSegments.requireValid("resource", resource) }

    /** The object's name. */
    public fun name(name: String): RequestBuilder = apply { this.name = PathSegments.requireValid("name", name) }

    /** A subresource of the named object: `status`, `scale`, `log`, `eviction`. */
    public fun subresource(subresource: String): RequestBuilder =
        apply { this.subresource = PathSegments.requireValid("subresource", subresource) }

    /** Path segments after everything else (e.g. the path behind a `proxy` subresource). */
    public fun suffix(vararg segments: String): RequestBuilder =
        apply { suffix = segments.flatMap { PathSegments.split(it) } }

    /** Adds a query parameter (a name may repeat). */
    public fun param(name: String, value: String): RequestBuilder = apply {
        require(name.isNotEmpty()) { "query parameter name must not be empty" }
        query += name to value
    }

    /** Adds the query parameters of [options] (e.g. [ListOptions]). */
    public fun params(options: QueryOptions): RequestBuilder = apply { query += options.toQuery() }

    /** Sets a header, replacing an earlier value. */
    public fun header(name: String, value: String): RequestBuilder = apply {
        require(name.isNotBlank() && name.none { it.isWhitespace() || it == ':' }) { "invalid header name \"$name\"" }
        require('\r' !in value && '\n' !in value) { "header $name must not contain a line break" }
        headers[name] = value
    }

    /** The body as bytes; [contentType] defaults to the patch type's, else `application/json`. */
    @JvmOverloads
    public fun body(bytes: ByteArray, contentType: String? = null): RequestBuilder =
        apply { body = bytes.copyOf(); this.contentType = contentType }

    /** The body as UTF-8 text; [contentType] defaults as for bytes. */
    @JvmOverloads
    public fun body(text: String, contentType: String? = null): RequestBuilder =
        body(text.toByteArray(Charsets.UTF_8), contentType)

    /** The body as JSON encoded with [serializer]. */
    public fun <T> body(value: T, serializer: SerializationStrategy<T>): RequestBuilder =
        body(KubeJson.encodeToString(serializer, value))

    /**
     * The body as JSON, with the serializer of [value]'s class (a `@Serializable` class or a
     * `JsonElement`). For generic types pass the serializer explicitly.
     */
    public fun body(value: Any): RequestBuilder {
        val serializer = try {
            KubeJson.serializersModule.serializer(value.javaClass)
        } catch (e: SerializationException) {
            throw IllegalArgumentException(
                "${value.javaClass.name} has no kotlinx.serialization serializer: annotate it with @Serializable " +
                    "or pass its serializer to body(value, serializer)",
                e,
            )
        }
        return body(value, serializer)
    }

    /** Makes this a patch of [type]; the body's content type follows from it. */
    public fun patchType(type: PatchType): RequestBuilder = apply { patchType = type }

    /** Limits this request to [timeout] instead of the client's request timeout. */
    public fun timeout(timeout: Duration): RequestBuilder = apply {
        require(!timeout.isNegative && !timeout.isZero) { "timeout must be positive, was $timeout" }
        this.timeout = timeout
    }

    /** Limits this request to [timeout] instead of the client's request timeout. */
    @JvmSynthetic
    public fun timeout(timeout: kotlin.time.Duration): RequestBuilder = timeout(timeout.toJavaDuration())

    /**
     * The request as built so far.
     *
     * @throws IllegalStateException when a name or subresource is set without what it needs, a
     *   WATCH names one object (watch it with fieldSelector `metadata.name=...`), or a PATCH body
     *   has no patch type.
     */
    public fun build(): KubeRequest = build(streaming = false)

    internal fun build(streaming: Boolean): KubeRequest {
        check(name == null || resource != null) { "name \"$name\" is set without a resource" }
        check(subresource == null || name != null) { "subresource \"$subresource\" is set without a name" }
        check(verb != Verb.WATCH || name == null) {
            "a watch cannot name one object: use fieldSelector metadata.name=$name instead of name()"
        }
        check(verb != Verb.PATCH || body == null || patchType != null || contentType != null) {
            "a PATCH needs a patch type (JSON, MERGE, STRATEGIC_MERGE or APPLY)"
        }
        val segments = buildList {
            addAll(absPath ?: if (group.isEmpty()) listOf("api", version) else listOf("apis", group, version))
            namespace?.let { add("namespaces"); add(it) }
            resource?.let { add(it) }
            name?.let { add(it) }
            subresource?.let { add(it) }
            addAll(suffix)
        }
        val effectiveVerb = when {
            verb == Verb.GET && resource != null && name == null -> Verb.LIST
            verb == Verb.DELETE && resource != null && name == null -> Verb.DELETE_COLLECTION
            else -> verb
        }
        val watch = verb == Verb.WATCH
        return KubeRequest(
            verb = effectiveVerb,
            path = "/" + segments.joinToString("/") { PathSegments.encode(it) },
            query = if (watch) listOf("watch" to "true") + query else query.toList(),
            headers = LinkedHashMap(headers),
            body = body,
            contentType = if (body == null) null else contentType ?: patchType?.contentType ?: "application/json",
            timeout = timeout,
            streaming = streaming || watch,
        )
    }
}
