package io.kubekt.dynamic

import io.kubekt.api.BuiltinModels
import io.kubekt.api.GroupVersionResource
import io.kubekt.client.DeleteResult
import io.kubekt.client.KubeClient
import io.kubekt.client.RestRequest
import io.kubekt.error.DecodeException
import io.kubekt.request.DeleteOptions
import io.kubekt.request.KubeJson
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.QueryOptions
import io.kubekt.request.Verb
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchLines
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

/** The requests behind a [DynamicResource]: paths from its scope, bodies as JSON, answers as [Unstructured]. */
internal class DynamicCalls(private val client: KubeClient, private val gvr: GroupVersionResource, private val scope: DynamicScope) {
    suspend fun get(name: String, subresource: String?): Unstructured {
        val request = request(Verb.GET, single = true).name(name)
        subresource?.let { request.subresource(it) }
        return obj(request)
    }

    suspend fun getOrNull(name: String): Unstructured? = try {
        get(name, null)
    } catch (e: io.kubekt.error.ApiException) {
        if (e.isNotFound) null else throw e
    }

    suspend fun list(options: ListOptions): UnstructuredList {
        val request = request(Verb.GET, single = false).params(options)
        return UnstructuredList.of(objectOf(request.executeJson(), request))
    }

    suspend fun create(obj: Unstructured, options: QueryOptions?): Unstructured =
        obj(request(Verb.CREATE, single = true).body(obj.toJson(), JSON).withOptions(options))

    suspend fun update(obj: Unstructured, subresource: String?, options: QueryOptions?): Unstructured {
        val name = requireNotNull(obj.name) { "update needs metadata.name on the object" }
        val request = request(Verb.UPDATE, single = true).name(name).body(obj.toJson(), JSON).withOptions(options)
        subresource?.let { request.subresource(it) }
        return obj(request)
    }

    suspend fun patch(name: String, type: PatchType, patch: String, options: QueryOptions?, subresource: String?): Unstructured {
        val request = client.rest(gvr.group, gvr.version).patch(type).at(single = true).name(name).body(patch).withOptions(options)
        subresource?.let { request.subresource(it) }
        return obj(request)
    }

    suspend fun apply(obj: Unstructured, fieldManager: String, force: Boolean): Unstructured {
        val name = requireNotNull(obj.name) { "apply needs metadata.name on the object" }
        require(fieldManager.isNotEmpty()) { "apply needs a fieldManager" }
        val request = client.rest(gvr.group, gvr.version).patch(PatchType.APPLY).at(single = true).name(name)
            .body(obj.toJson()).param("fieldManager", fieldManager)
        if (force) request.param("force", "true")
        return obj(request)
    }

    suspend fun delete(name: String, options: DeleteOptions): DeleteResult<Unstructured> {
        val request = request(Verb.DELETE, single = true).name(name).deleteBody(options)
        return DeleteResult.of(request.executeBytes()) { body ->
            Unstructured.of(objectOf(KubeJson.parseToJsonElement(body.decodeToString()), request))
        }
    }

    suspend fun deleteCollection(listOptions: ListOptions, options: DeleteOptions) {
        request(Verb.DELETE, single = false).params(listOptions).deleteBody(options).executeJson()
    }

    private fun RestRequest.deleteBody(options: DeleteOptions): RestRequest =
        if (options.isEmpty) this else body(KubeJson.encodeToString(JsonObject.serializer(), options.toJson()), JSON)

    fun watch(options: ListOptions): Flow<WatchEvent<Unstructured>> = flow {
        val request = request(Verb.WATCH, single = false).params(options)
        val built = request.build()
        val lines = WatchLines(built.method, built.path, client.config.server) { Unstructured.of(it) }
        request.stream().collect { line -> if (line.isNotBlank()) emit(lines.decode(line)) }
    }

    private suspend fun request(verb: Verb, single: Boolean): RestRequest = client.rest(gvr.group, gvr.version).request(verb).at(single)

    private suspend fun RestRequest.at(single: Boolean): RestRequest {
        when (scope) {
            is DynamicScope.Namespace -> namespace(scope.name)
            DynamicScope.AllNamespaces -> check(!single) {
                "$gvr across all namespaces: only list and watch; choose namespace(ns) for one object"
            }
            DynamicScope.Cluster -> check(namespaced() != true) {
                "$gvr is namespaced: call namespace(ns), or allNamespaces() to list or watch across all namespaces"
            }
        }
        return resource(gvr.resource)
    }

    /** Whether the resource is namespaced: from the built-in models, else from discovery; null when unknown. */
    private suspend fun namespaced(): Boolean? =
        BuiltinModels.resourceType(gvr.group, gvr.version, gvr.resource)?.namespaced
            ?: client.discovery().restMapper().namespacedOrNull(gvr)

    private fun RestRequest.withOptions(options: QueryOptions?): RestRequest = apply { options?.let { params(it) } }

    private suspend fun obj(request: RestRequest): Unstructured = Unstructured.of(objectOf(request.executeJson(), request))

    private fun objectOf(answer: JsonElement, request: RestRequest): JsonObject = answer as? JsonObject
        ?: throw DecodeException("the answer to ${request.build()} on ${client.config.server} is not a JSON object")

    private companion object {
        const val JSON = "application/json"
    }
}
