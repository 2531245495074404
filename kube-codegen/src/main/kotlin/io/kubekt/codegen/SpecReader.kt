package io.kubekt.codegen

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * Reads an OpenAPI v2 document (the API server's `/openapi/v2`, or a file holding one) into
 * [Definition]s and [Resource]s.
 *
 * Special apimachinery types become scalars (Quantity, IntOrString, Time, MicroTime, FieldsV1,
 * free-form JSON); inline object schemas, as CRDs have them, become definitions of their own named
 * after their parent and property (`WidgetSpec`, `WidgetSpecTemplate`).
 */
public class SpecReader(private val source: String, text: String) {
    private val root: JsonObject = try {
        Json.parseToJsonElement(text).jsonObject
    } catch (e: IllegalArgumentException) {
        throw CodegenException("$source is not a JSON object: ${e.message}")
    }
    private val rawDefinitions: JsonObject = withSupplementary(
        root["definitions"] as? JsonObject
            ?: throw CodegenException("$source has no \"definitions\" object; is it an OpenAPI v2 spec (/openapi/v2)?"),
    )
    private val inline = LinkedHashMap<String, Definition>()

    /** Every definition that becomes a model class, inline ones included, sorted by name. */
    public val definitions: List<Definition> by lazy { readDefinitions() }

    private fun readDefinitions(): List<Definition> {
        val result = ArrayList<Definition>()
        for ((name, schema) in rawDefinitions) {
            if (special(name, schema.jsonObject) != null) continue
            result.add(definition(name, schema.jsonObject))
        }
        result.addAll(inline.values)
        return result.sortedBy { it.name }
    }

    /** Top-level resources derived from the paths. */
    public fun resources(): List<Resource> = ResourcePaths(root["paths"] as? JsonObject ?: JsonObject(emptyMap())).resources()

    private fun definition(name: String, schema: JsonObject): Definition {
        val props = (schema["properties"] as? JsonObject).orEmpty().map { (p, s) -> property(name, p, s.jsonObject) }
        return Definition(name, schema.string("description"), props, gvks(schema), schema.string("x-kubernetes-map-type"))
    }

    private fun gvks(schema: JsonObject): List<Gvk> = (schema["x-kubernetes-group-version-kind"] as? JsonArray).orEmpty().map {
        val o = it.jsonObject
        Gvk(o.string("group").orEmpty(), o.string("version").orEmpty(), o.string("kind").orEmpty())
    }

    private fun property(owner: String, name: String, s: JsonObject): Property = Property(
        name = name,
        description = s.string("description"),
        type = type(owner, name, s),
        patchStrategy = s.string("x-kubernetes-patch-strategy"),
        patchMergeKey = s.string("x-kubernetes-patch-merge-key"),
        listType = s.string("x-kubernetes-list-type"),
        listMapKeys = (s["x-kubernetes-list-map-keys"] as? JsonArray).orEmpty().map { it.jsonPrimitive.content },
        mapType = s.string("x-kubernetes-map-type"),
    )

    private fun type(owner: String, property: String, s: JsonObject): SchemaType {
        s.string("\$ref")?.let { ref ->
            val target = ref.removePrefix("#/definitions/")
            SPECIAL[target]?.let { return scalar(it) }
            val schema = rawDefinitions[target]?.jsonObject
            return schema?.let { special(target, it) } ?: SchemaType.Model(target)
        }
        (s["allOf"] as? JsonArray)?.singleOrNull()?.let { return type(owner, property, it.jsonObject) }
        if (s["x-kubernetes-int-or-string"]?.jsonPrimitive?.booleanOrNull == true) return scalar("INT_OR_STRING")
        return when (s.string("type")) {
            "string" -> when (s.string("format")) {
                "byte" -> scalar("BYTES")
                "date-time" -> scalar("TIME")
                "int-or-string" -> scalar("INT_OR_STRING")
                else -> scalar("STRING")
            }
            "integer" -> if (s.string("format") == "int32") scalar("INT32") else scalar("INT64")
            "number" -> scalar("DOUBLE")
            "boolean" -> scalar("BOOLEAN")
            "array" -> {
                val items = s["items"] as? JsonObject ?: return scalar("JSON")
                SchemaType.ListOf(type(owner, property, items))
            }
            "object" -> objectType(owner, property, s)
            else -> scalar("JSON")
        }
    }

    private fun objectType(owner: String, property: String, s: JsonObject): SchemaType {
        val props = s["properties"] as? JsonObject
        if (props != null && props.isNotEmpty()) {
            val name = inlineName(owner, property)
            inline[name] = definition(name, s)
            return SchemaType.Model(name)
        }
        return when (val extra = s["additionalProperties"]) {
            is JsonObject -> SchemaType.MapOf(type(owner, property, extra))
            is JsonPrimitive -> if (extra.booleanOrNull == true) SchemaType.MapOf(scalar("JSON")) else scalar("JSON")
            else -> scalar("JSON")
        }
    }

    private fun inlineName(owner: String, property: String): String {
        val base = owner + Names.typeSuffix(property)
        var name = base
        var n = 2
        while (name in inline || name in rawDefinitions) name = base + n++
        return name
    }

    /** The scalar a special definition maps to, or null for an ordinary model. */
    private fun special(name: String, schema: JsonObject): SchemaType? {
        SPECIAL[name]?.let { return scalar(it) }
        if (schema["properties"] != null) return null
        return when {
            schema.string("format") == "int-or-string" -> scalar("INT_OR_STRING")
            schema.string("format") == "date-time" -> scalar("TIME")
            schema.string("type") == "string" -> scalar("STRING")
            schema.string("type") == null -> scalar("JSON")
            else -> null
        }
    }

    private fun scalar(kind: String) = SchemaType.Scalar(kind)

    /**
     * [spec] plus each supplementary definition it lacks (PartialObjectMetadata and its list), when
     * it defines ObjectMeta and ListMeta as every API server's spec does.
     *
     * Why: the server serves these kinds only through content negotiation, so /openapi/v2 leaves
     * them out; generating them from a definition kept here gives them exactly the shape and codec
     * of the other models instead of hand-written copies that drift.
     */
    private fun withSupplementary(spec: JsonObject): JsonObject {
        if (OBJECT_META !in spec || LIST_META !in spec) return spec
        val extra = SUPPLEMENTARY.filterKeys { it !in spec }
        return if (extra.isEmpty()) spec else JsonObject(spec + extra)
    }

    private fun JsonObject.string(key: String): String? = (this[key] as? JsonPrimitive)?.contentOrNull

    private fun JsonObject?.orEmpty(): Map<String, JsonElement> = this ?: emptyMap()

    public companion object {
        private const val OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
        private const val LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"
        private const val SUPPLEMENTARY_RESOURCE = "supplementary-definitions.json"

        /** Definitions the server serves but leaves out of its spec; see `supplementary-definitions.json`. */
        public val SUPPLEMENTARY: Map<String, JsonElement> by lazy {
            val text = SpecReader::class.java.getResourceAsStream(SUPPLEMENTARY_RESOURCE)?.use { it.readBytes().decodeToString() }
                ?: throw IllegalStateException("kube-codegen's $SUPPLEMENTARY_RESOURCE is missing from the classpath")
            Json.parseToJsonElement(text).jsonObject.getValue("definitions").jsonObject
        }

        /** Definitions with a hand-written representation in kube-models. */
        public val SPECIAL: Map<String, String> = mapOf(
            "io.k8s.apimachinery.pkg.api.resource.Quantity" to "QUANTITY",
            "io.k8s.apimachinery.pkg.util.intstr.IntOrString" to "INT_OR_STRING",
            "io.k8s.apimachinery.pkg.apis.meta.v1.Time" to "TIME",
            "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime" to "MICRO_TIME",
            "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1" to "FIELDS_V1",
            "io.k8s.apimachinery.pkg.runtime.RawExtension" to "JSON",
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON" to "JSON",
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray" to "JSON",
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool" to "JSON",
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray" to "JSON",
        )
    }
}
