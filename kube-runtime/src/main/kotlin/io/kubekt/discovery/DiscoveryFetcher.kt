package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIGroup
import io.kubekt.api.meta.v1.APIGroupList
import io.kubekt.api.meta.v1.APIResourceList
import io.kubekt.api.meta.v1.APIVersions
import io.kubekt.api.meta.v1.GroupVersionForDiscovery
import io.kubekt.client.KubeClient
import io.kubekt.client.RestRequest
import io.kubekt.error.ApiException
import io.kubekt.error.DecodeException
import io.kubekt.request.KubeJson
import io.kubekt.transport.KubeResponse
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.serialization.SerializationException
import org.slf4j.LoggerFactory

/**
 * Fetches discovery from the server: aggregated discovery (v2, else v2beta1) in two requests
 * when the server offers it, else the legacy documents (`/api`, `/apis`, then one request per
 * group version, in parallel).
 */
internal class DiscoveryFetcher(private val client: KubeClient) {
    /** Groups and resources, fetched now. */
    suspend fun fetch(): DiscoverySnapshot {
        val core = send(client.rest().get().absPath("api").header("Accept", ACCEPT))
        val apis = send(client.rest().get().absPath("apis").header("Accept", ACCEPT))
        return if (aggregated(core) && aggregated(apis)) fromAggregated(core, apis) else fromLegacy(core, apis)
    }

    /** The resources of one group version from its legacy endpoint. */
    suspend fun resources(gv: GroupVersion): ResourceList {
        val request = if (gv.group.isEmpty()) client.rest().get().absPath("api", gv.version) else client.rest().get().absPath("apis", gv.group, gv.version)
        val list = decode(send(request), "APIResourceList") { APIResourceList.TYPE.decode(it) }
        return ResourceList(gv, list.resources.orEmpty())
    }

    private suspend fun fromAggregated(core: KubeResponse, apis: KubeResponse): DiscoverySnapshot {
        val docs = listOf(core, apis).map { decode(it, "APIGroupDiscoveryList") { b -> KubeJson.decodeFromString(AggregatedDocument.serializer(), b.decodeToString()) } }
        val (groups, lists) = docs.map { it.toSnapshotParts() }.unzip()
        val stale = fetchAll(docs.flatMap { it.staleVersions() })
        return DiscoverySnapshot(groups.flatten(), lists.flatten() + stale)
    }

    private suspend fun fromLegacy(core: KubeResponse, apis: KubeResponse): DiscoverySnapshot {
        val coreVersions = decode(core, "APIVersions") { APIVersions.TYPE.decode(it) }.versions.orEmpty()
        val coreGroup = APIGroup {
            name = ""
            versions = coreVersions.map { v -> GroupVersionForDiscovery { groupVersion = v; version = v } }
            preferredVersion = versions?.firstOrNull()
        }
        val groups = listOf(coreGroup) + decode(apis, "APIGroupList") { APIGroupList.TYPE.decode(it) }.groups.orEmpty()
        val gvs = groups.flatMap { g -> g.versions.orEmpty().map { GroupVersion(g.name.orEmpty(), it.version.orEmpty()) } }
        return DiscoverySnapshot(groups, fetchAll(gvs))
    }

    /** The resources of [gvs], in parallel; a group version that fails (an aggregated API that is down) is left out and logged. */
    private suspend fun fetchAll(gvs: List<GroupVersion>): List<ResourceList> = coroutineScope {
        gvs.map { gv ->
            async {
                try {
                    resources(gv)
                } catch (e: ApiException) {
                    log.warn("discovery of {} on {} failed, leaving it out: {}", gv, client.config.server, e.message)
                    null
                }
            }
        }.awaitAll().filterNotNull()
    }

    private fun aggregated(response: KubeResponse): Boolean {
        val type = response.headers.entries.firstOrNull { it.key.equals("content-type", true) }?.value?.firstOrNull().orEmpty()
        return "as=APIGroupDiscoveryList" in type
    }

    private suspend fun send(request: RestRequest): KubeResponse = request.send(request.build())

    private fun <T> decode(response: KubeResponse, what: String, parse: (ByteArray) -> T): T = try {
        parse(response.body)
    } catch (e: SerializationException) {
        throw DecodeException("cannot decode the discovery document on ${client.config.server} as $what (${response.body.size} bytes)")
    }

    private companion object {
        private val log = LoggerFactory.getLogger(DiscoveryFetcher::class.java)

        /** What client-go asks for: aggregated v2, then v2beta1, then the legacy documents. */
        const val ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList," +
            "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList;q=0.9,application/json;q=0.8"
    }
}
