package io.kubekt.test.core

import io.kubekt.test.ResourceType
import io.kubekt.test.store.Objects
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** CustomResourceDefinition defaulting and the resource types a CRD serves. */
internal object Crds {
    private val crVerbs = arrayOf("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch")

    fun onCreate(body: JsonObject): JsonObject {
        val spec = body["spec"] as? JsonObject ?: return body
        var names = spec["names"] as? JsonObject ?: JsonObject(emptyMap())
        if (names["listKind"] == null) names = Objects.with(names, "listKind", JsonPrimitive("${Objects.text(names["kind"])}List"))
        var newSpec = Objects.with(spec, "names", names)
        if (newSpec["conversion"] == null) newSpec = Objects.with(newSpec, "conversion", buildJsonObject { put("strategy", "None") })
        val stored = versions(body).filter { Objects.bool(it["storage"]) == true }.mapNotNull { Objects.text(it["name"]) }
        val status = buildJsonObject {
            put("conditions", JsonNull)
            put("acceptedNames", buildJsonObject { put("plural", ""); put("kind", "") })
            put("storedVersions", buildJsonArray { stored.forEach { add(JsonPrimitive(it)) } })
        }
        return Objects.with(Objects.with(body, "spec", newSpec), "status", status)
    }

    /** The established status a CRD gets from the API extensions controllers once its names are accepted. */
    fun established(crd: JsonObject, now: String): JsonObject {
        val names = Objects.at(crd, "spec.names") as? JsonObject ?: return crd
        val status = crd["status"] as? JsonObject ?: JsonObject(emptyMap())
        fun condition(type: String, reason: String, message: String) = buildJsonObject {
            put("type", type); put("status", "True"); put("lastTransitionTime", now); put("reason", reason); put("message", message)
        }
        val conditions = buildJsonArray {
            add(condition("NamesAccepted", "NoConflicts", "no conflicts found"))
            add(condition("Established", "InitialNamesAccepted", "the initial names have been accepted"))
        }
        val newStatus = Objects.with(Objects.with(status, "conditions", conditions), "acceptedNames", names)
        return Objects.with(crd, "status", newStatus)
    }

    fun isEstablished(crd: JsonObject): Boolean =
        (Objects.at(crd, "status.conditions") as? JsonArray)?.any { Objects.text((it as? JsonObject)?.get("type")) == "Established" } == true

    fun versions(crd: JsonObject): List<JsonObject> =
        (Objects.at(crd, "spec.versions") as? JsonArray)?.filterIsInstance<JsonObject>() ?: emptyList()

    /** One [ResourceType] per served version of [crd]. */
    fun types(crd: JsonObject): List<ResourceType> {
        val group = Objects.text(Objects.at(crd, "spec.group")) ?: return emptyList()
        val names = Objects.at(crd, "spec.names") as? JsonObject ?: return emptyList()
        val plural = Objects.text(names["plural"]) ?: return emptyList()
        val kind = Objects.text(names["kind"]) ?: return emptyList()
        val namespaced = Objects.text(Objects.at(crd, "spec.scope")) != "Cluster"
        return versions(crd).filter { Objects.bool(it["served"]) != false }.mapNotNull { v ->
            val version = Objects.text(v["name"]) ?: return@mapNotNull null
            val b = ResourceType.builder(group, version, plural, kind)
                .namespaced(namespaced).custom(true).verbs(*crVerbs)
                .listKind(Objects.text(names["listKind"]) ?: "${kind}List")
                .singular(Objects.text(names["singular"]) ?: kind.lowercase())
            (names["shortNames"] as? JsonArray)?.mapNotNull { Objects.text(it) }?.let { b.shortNames(*it.toTypedArray()) }
            (names["categories"] as? JsonArray)?.mapNotNull { Objects.text(it) }?.let { b.categories(*it.toTypedArray()) }
            val sub = v["subresources"] as? JsonObject
            if (sub?.get("status") != null) b.statusSubresource()
            if (sub?.get("scale") != null) b.scaleSubresource()
            b.build()
        }
    }
}
