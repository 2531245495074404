package io.kubekt.dynamic

import io.kubekt.api.GroupVersionKind
import io.kubekt.api.KubeModel
import io.kubekt.api.KubeObject
import io.kubekt.api.meta.v1.ObjectMeta
import io.kubekt.api.meta.v1.OwnerReference
import io.kubekt.request.KubeJson
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import java.time.Instant

/**
 * A Kubernetes object of any kind as its JSON object (client-go's `unstructured.Unstructured`):
 * what the dynamic client reads and writes, for built-in kinds and custom resources alike.
 *
 * Immutable: derive a changed copy with [toBuilder] (Java) or [edit] (Kotlin). The metadata
 * accessors read the JSON; [metadata] decodes it once into the generated [ObjectMeta]. Convert
 * to a generated model with [to] and back with [from]. Equality is by JSON value.
 */
public class Unstructured private constructor(
    /** The whole object. */
    public val json: JsonObject,
) : KubeObject {
    override val apiVersion: String? get() = text(json["apiVersion"])
    override val kind: String? get() = text(json["kind"])

    /** The standard metadata, decoded into the generated model (lazily, once); null when absent. */
    override val metadata: ObjectMeta? by lazy(LazyThreadSafetyMode.PUBLICATION) {
        (json["metadata"] as? JsonObject)?.let { ObjectMeta.TYPE.decode(it) }
    }

    private val meta: JsonObject? get() = json["metadata"] as? JsonObject

    /** `metadata.name`. */
    public val name: String? get() = text(meta?.get("name"))

    /** `metadata.namespace`; null for cluster-scoped objects. */
    public val namespace: String? get() = text(meta?.get("namespace"))

    /** `metadata.generateName`. */
    public val generateName: String? get() = text(meta?.get("generateName"))

    /** `metadata.resourceVersion`. */
    public val resourceVersion: String? get() = text(meta?.get("resourceVersion"))

    /** `metadata.uid`. */
    public val uid: String? get() = text(meta?.get("uid"))

    /** `metadata.generation`. */
    public val generation: Long? get() = text(meta?.get("generation"))?.toLongOrNull()

    /** `metadata.labels`; empty when absent. */
    public val labels: Map<String, String> get() = strings(meta?.get("labels"))

    /** `metadata.annotations`; empty when absent. */
    public val annotations: Map<String, String> get() = strings(meta?.get("annotations"))

    /** `metadata.finalizers`; empty when absent. */
    public val finalizers: List<String> get() = (meta?.get("finalizers") as? JsonArray)?.mapNotNull { text(it) } ?: emptyList()

    /** `metadata.ownerReferences`; empty when absent. */
    public val ownerReferences: List<OwnerReference> get() = metadata?.ownerReferences ?: emptyList()

    /** `metadata.creationTimestamp`. */
    public val creationTimestamp: Instant? get() = metadata?.creationTimestamp

    /** `metadata.deletionTimestamp`: set once the object is being deleted (finalizers pending). */
    public val deletionTimestamp: Instant? get() = metadata?.deletionTimestamp

    /** Group, version and kind from `apiVersion` and `kind`; null when either is absent. */
    public val groupVersionKind: GroupVersionKind?
        get() = apiVersion?.let { v -> kind?.let { k -> GroupVersionKind.of(v, k) } }

    /** The top-level member [key] (e.g. `spec`), or null. */
    public operator fun get(key: String): JsonElement? = json[key]

    /** The member at [path] through nested objects (e.g. `"spec", "replicas"`), or null when a step is missing. */
    public fun at(vararg path: String): JsonElement? {
        var current: JsonElement? = json
        for (step in path) current = (current as? JsonObject)?.get(step) ?: return null
        return current
    }

    /** A builder holding a copy of this object, to derive a changed copy. */
    public fun toBuilder(): UnstructuredBuilder = UnstructuredBuilder(json)

    /** A changed copy, in Kotlin: `obj.edit { label("app", "web") }`. */
    @JvmSynthetic
    public inline fun edit(block: UnstructuredBuilder.() -> Unit): Unstructured = toBuilder().apply(block).build()

    /** Converts to the generated model [T] (e.g. `Pod`, or a class generated for a CRD). */
    @JvmSynthetic
    public inline fun <reified T : KubeModel<T, *>> to(): T = to(T::class.java)

    /**
     * Converts to the generated model [type] (e.g. `Pod.class`).
     *
     * @throws kotlinx.serialization.SerializationException when the JSON does not fit the model.
     */
    public fun <T : KubeModel<T, *>> to(type: Class<T>): T = ModelTypes.of(type).decode(json)

    /** The object as compact JSON. */
    public fun toJson(): String = json.toString()

    override fun equals(other: Any?): Boolean = other is Unstructured && other.json == json

    override fun hashCode(): Int = json.hashCode()

    /** Kind, namespace and name only: the object may hold Secret data. */
    override fun toString(): String = "Unstructured(${apiVersion ?: "?"} ${kind ?: "?"} " +
        (namespace?.let { "$it/" } ?: "") + "${name ?: generateName ?: "?"})"

    public companion object {
        /** The object [json]. */
        @JvmStatic
        public fun of(json: JsonObject): Unstructured = Unstructured(json)

        /**
         * Parses JSON text into an object.
         *
         * @throws IllegalArgumentException when [json] is not a JSON object.
         */
        @JvmStatic
        public fun parse(json: String): Unstructured {
            val element = KubeJson.parseToJsonElement(json)
            require(element is JsonObject) { "not a JSON object: a ${element::class.simpleName}" }
            return Unstructured(element)
        }

        /**
         * Converts a generated model to an unstructured object; `apiVersion` and `kind` are filled
         * in from the model type when the model does not set them and the type serves one kind.
         */
        @JvmStatic
        public fun from(model: KubeModel<*, *>): Unstructured {
            val json = KubeJson.parseToJsonElement(model.toJson()) as JsonObject
            val gvk = model.modelType.groupVersionKinds.singleOrNull() ?: return Unstructured(json)
            val head = buildMap<String, JsonElement> {
                put("apiVersion", json["apiVersion"] ?: JsonPrimitive(gvk.apiVersion))
                put("kind", json["kind"] ?: JsonPrimitive(gvk.kind))
            }
            return Unstructured(JsonObject(head + json))
        }

        internal fun text(element: JsonElement?): String? = (element as? JsonPrimitive)?.contentOrNull

        private fun strings(element: JsonElement?): Map<String, String> =
            (element as? JsonObject)?.mapNotNull { (k, v) -> text(v)?.let { k to it } }?.toMap() ?: emptyMap()
    }
}

/** Builds an [Unstructured] with a builder block: `Unstructured { apiVersion("v1"); kind("ConfigMap"); name("x") }`. */
@JvmSynthetic
public fun Unstructured(block: UnstructuredBuilder.() -> Unit): Unstructured = UnstructuredBuilder(JsonObject(emptyMap())).apply(block).build()
