package io.kubekt.test.core

import io.kubekt.api.meta.v1.Status
import io.kubekt.error.ApiException
import io.kubekt.api.GroupVersionResource
import io.kubekt.test.api.ApiError
import io.kubekt.test.api.Statuses
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject

/** Object access from the test's own thread, without HTTP, with the same rules as the API. */
internal class DirectAccess(private val cluster: Cluster, private val server: String) {
    private val json = Json { ignoreUnknownKeys = true }

    fun create(resource: GroupVersionResource, namespace: String?, body: String): String = translate("POST", resource) {
        val type = type(resource)
        val obj = runCatching { Json.parseToJsonElement(body) as JsonObject }
            .getOrElse { throw Statuses.badRequest("the object is not a JSON object") }
        cluster.writes.create(type, if (type.namespaced) namespace else null, obj, dryRun = false).toString()
    }

    fun get(resource: GroupVersionResource, namespace: String?, name: String): String? = translate("GET", resource) {
        val type = type(resource)
        cluster.locked { cluster.get(type, if (type.namespaced) namespace else null, name)?.toString() }
    }

    private fun type(resource: GroupVersionResource) =
        cluster.registry.find(resource.group, resource.version, resource.resource) ?: throw Statuses.unknownPath()

    private fun <T> translate(method: String, resource: GroupVersionResource, block: () -> T): T = try {
        block()
    } catch (e: ApiError) {
        val status = Status.TYPE.decode(e.status).edit { code = e.code }
        throw ApiException(status, method, "/${resource.groupVersion}/${resource.resource}", server)
    }
}
