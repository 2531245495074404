package io.kubekt.dynamic

import io.kubekt.api.KubeList
import io.kubekt.api.KubeModel
import io.kubekt.api.meta.v1.ListMeta
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * A list of [Unstructured] objects as the server returns it (`PodList`, `WidgetList`, ...).
 *
 * Items of a list carry no `apiVersion`/`kind` on the wire; as client-go does, [items] fills
 * them in from the list's (`PodList` -> `Pod`), so each item stands on its own.
 */
public class UnstructuredList private constructor(
    /** The whole list document. */
    public val json: JsonObject,
) : KubeList<Unstructured> {
    override val apiVersion: String? get() = Unstructured.text(json["apiVersion"])
    override val kind: String? get() = Unstructured.text(json["kind"])

    override val metadata: ListMeta? by lazy(LazyThreadSafetyMode.PUBLICATION) {
        (json["metadata"] as? JsonObject)?.let { ListMeta.TYPE.decode(it) }
    }

    override val items: List<Unstructured> by lazy(LazyThreadSafetyMode.PUBLICATION) {
        val itemKind = kind?.removeSuffix("List")?.takeIf { kind != it }
        (json["items"] as? JsonArray).orEmpty().filterIsInstance<JsonObject>().map { Unstructured.of(withKind(it, itemKind)) }
    }

    /** The list's resourceVersion: watch from it to see every later change. */
    public val resourceVersion: String? get() = metadata?.resourceVersion

    /** The token for the next page, or null on the last page. */
    public val continueToken: String? get() = metadata?.`continue`?.takeIf { it.isNotEmpty() }

    /** Converts to the generated list model [T] (e.g. `PodList`). */
    @JvmSynthetic
    public inline fun <reified T : KubeModel<T, *>> to(): T = to(T::class.java)

    /**
     * Converts to the generated list model [type] (e.g. `PodList.class`).
     *
     * @throws kotlinx.serialization.SerializationException when the JSON does not fit the model.
     */
    public fun <T : KubeModel<T, *>> to(type: Class<T>): T = ModelTypes.of(type).decode(json)

    override fun equals(other: Any?): Boolean = other is UnstructuredList && other.json == json

    override fun hashCode(): Int = json.hashCode()

    override fun toString(): String = "UnstructuredList(${apiVersion ?: "?"} ${kind ?: "?"}, ${items.size} items)"

    private fun withKind(item: JsonObject, itemKind: String?): JsonObject {
        if (itemKind == null || (item["apiVersion"] != null && item["kind"] != null)) return item
        val head = buildMap<String, JsonElement> {
            put("apiVersion", item["apiVersion"] ?: json["apiVersion"] ?: JsonPrimitive(""))
            put("kind", item["kind"] ?: JsonPrimitive(itemKind))
        }
        return JsonObject(head + item)
    }

    public companion object {
        /** The list document [json]. */
        @JvmStatic
        public fun of(json: JsonObject): UnstructuredList = UnstructuredList(json)

        /** Converts a generated list model (e.g. a `PodList`) to an unstructured list. */
        @JvmStatic
        public fun from(model: KubeModel<*, *>): UnstructuredList = UnstructuredList(Unstructured.from(model).json)
    }
}
