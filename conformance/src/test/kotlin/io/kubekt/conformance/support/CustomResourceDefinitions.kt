package io.kubekt.conformance.support

import io.kubekt.api.GroupVersionResource
import io.kubekt.client.KubeClient
import io.kubekt.dynamic.Unstructured
import io.kubekt.error.ApiException
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.slf4j.LoggerFactory

/**
 * Creates and deletes the CustomResourceDefinitions specs test with. CRDs are cluster-scoped:
 * give each a unique plural ([randomLetters]) and delete it after the spec.
 */
object CustomResourceDefinitions {
    val RESOURCE = GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions")
    private val log = LoggerFactory.getLogger(CustomResourceDefinitions::class.java)

    /**
     * Creates the CRD `<plural>.<group>` served in `v1` with a status subresource, short name
     * `<first three letters of plural>x` and category `kubekt-test`, and waits (up to 60 s) until
     * it is Established and its resource is served. Leaves the client's discovery alone, so a spec
     * can test how discovery learns of the new resource.
     */
    suspend fun create(client: KubeClient, group: String, kind: String, plural: String, scope: String = "Namespaced"): Unstructured {
        val crd = Unstructured.parse(
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"$plural.$group"},
             "spec":{"group":"$group","scope":"$scope",
               "names":{"plural":"$plural","singular":"${kind.lowercase()}","kind":"$kind","shortNames":["${plural.take(3)}x"],"categories":["kubekt-test"]},
               "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
                 "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """.trimIndent(),
        )
        client.dynamic(RESOURCE).create(crd)
        val established = eventually("CRD $plural.$group to be Established", seconds = 60) {
            client.dynamic(RESOURCE).get("$plural.$group").takeIf { isEstablished(it) }
        }
        // A plain list request: the dynamic client would consult (and refresh) the client's discovery.
        eventually("$plural.$group to be served", seconds = 60) {
            runCatching { client.rest(group, "v1").get().resource(plural).executeJson() }.getOrNull()
        }
        return established
    }

    /** Deletes CRD [name]; a failure is logged, not thrown, so cleanup never hides a test's result. */
    suspend fun deleteQuietly(client: KubeClient, name: String) {
        try {
            client.dynamic(RESOURCE).delete(name)
        } catch (e: ApiException) {
            if (!e.isNotFound) log.warn("could not delete conformance CRD {}: {}", name, e.message)
        }
    }

    /** [count] random lower-case letters, for plurals and kinds that must be unique per run. */
    fun randomLetters(count: Int = 6): String = (1..count).map { ('a'..'z').random() }.joinToString("")

    private fun isEstablished(crd: Unstructured): Boolean = (crd.at("status", "conditions") as? JsonArray).orEmpty().any {
        (it as? JsonObject)?.get("type") == JsonPrimitive("Established") && it["status"] == JsonPrimitive("True")
    }
}
