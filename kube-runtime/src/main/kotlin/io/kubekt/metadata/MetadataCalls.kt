package io.kubekt.metadata

import io.kubekt.api.BuiltinModels
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.api.meta.v1.PartialObjectMetadataList
import io.kubekt.client.KubeClient
import io.kubekt.client.RestRequest
import io.kubekt.dynamic.DynamicScope
import io.kubekt.error.ApiException
import io.kubekt.request.ListOptions
import io.kubekt.request.Verb
import io.kubekt.watch.WatchEvent
import io.kubekt.watch.WatchLines
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** The requests behind a [MetadataResource]: the dynamic client's paths, with an Accept header asking for metadata only. */
internal class MetadataCalls(private val client: KubeClient, private val gvr: GroupVersionResource, private val scope: DynamicScope) {
    suspend fun get(name: String): PartialObjectMetadata =
        request(Verb.GET, single = true).name(name).header(ACCEPT, AS_OBJECT).execute(PartialObjectMetadata.Serializer)

    suspend fun getOrNull(name: String): PartialObjectMetadata? = try {
        get(name)
    } catch (e: ApiException) {
        if (e.isNotFound) null else throw e
    }

    suspend fun list(options: ListOptions): PartialObjectMetadataList =
        request(Verb.GET, single = false).params(options).header(ACCEPT, AS_LIST).execute(PartialObjectMetadataList.Serializer)

    fun watch(options: ListOptions): Flow<WatchEvent<PartialObjectMetadata>> = flow {
        val request = request(Verb.WATCH, single = false).params(options).header(ACCEPT, AS_OBJECT)
        val built = request.build()
        val lines = WatchLines(built.method, built.path, client.config.server) { PartialObjectMetadata.TYPE.decode(it) }
        request.stream().collect { line -> if (line.isNotBlank()) emit(lines.decode(line)) }
    }

    private suspend fun request(verb: Verb, single: Boolean): RestRequest {
        val request = client.rest(gvr.group, gvr.version).request(verb)
        when (scope) {
            is DynamicScope.Namespace -> request.namespace(scope.name)
            DynamicScope.AllNamespaces -> check(!single) {
                "$gvr across all namespaces: only list and watch; choose namespace(ns) for one object"
            }
            DynamicScope.Cluster -> check(namespaced() != true) {
                "$gvr is namespaced: call namespace(ns), or allNamespaces() to list or watch across all namespaces"
            }
        }
        return request.resource(gvr.resource)
    }

    /** Whether the resource is namespaced: from the built-in models, else from discovery; null when unknown. */
    private suspend fun namespaced(): Boolean? =
        BuiltinModels.resourceType(gvr.group, gvr.version, gvr.resource)?.namespaced
            ?: client.discovery().restMapper().namespacedOrNull(gvr)

    internal companion object {
        const val ACCEPT = "Accept"
        const val AS_OBJECT = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"
        const val AS_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"
    }
}
