package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIGroup
import io.kubekt.api.meta.v1.APIResource
import io.kubekt.api.meta.v1.GroupVersionForDiscovery
import kotlinx.serialization.Serializable

/**
 * The aggregated discovery document (`apidiscovery.k8s.io/v2` or `v2beta1`
 * `APIGroupDiscoveryList`): every group, version and resource in one answer. The v2 and
 * v2beta1 shapes are the same for what is read here. Versions are listed in preference order.
 */
@Serializable
internal class AggregatedDocument(val items: List<Group> = emptyList()) {
    @Serializable
    class Group(val metadata: Meta = Meta(), val versions: List<Version> = emptyList())

    @Serializable
    class Meta(val name: String = "")

    @Serializable
    class Version(val version: String, val resources: List<Resource> = emptyList(), val freshness: String? = null)

    @Serializable
    class Kind(val group: String = "", val version: String = "", val kind: String = "")

    @Serializable
    class Resource(
        val resource: String,
        val responseKind: Kind? = null,
        val scope: String = "",
        val singularResource: String = "",
        val verbs: List<String> = emptyList(),
        val shortNames: List<String> = emptyList(),
        val categories: List<String> = emptyList(),
        val subresources: List<Subresource> = emptyList(),
    )

    @Serializable
    class Subresource(val subresource: String, val responseKind: Kind? = null, val verbs: List<String> = emptyList())

    /** The groups (in the server's order) and, per fresh version, its resources in the legacy shape. */
    fun toSnapshotParts(): Pair<List<APIGroup>, List<ResourceList>> {
        val groups = items.filter { it.versions.isNotEmpty() }.map { g ->
            val versions = g.versions.map { forDiscovery(g.metadata.name, it.version) }
            APIGroup { name = g.metadata.name; this.versions = versions; preferredVersion = versions.first() }
        }
        val lists = items.flatMap { g ->
            g.versions.filter { it.freshness != "Stale" }.map { v -> ResourceList(GroupVersion(g.metadata.name, v.version), legacy(g.metadata.name, v)) }
        }
        return groups to lists
    }

    /** Group versions the server reported as stale: their resources must be fetched from the legacy endpoint. */
    fun staleVersions(): List<GroupVersion> =
        items.flatMap { g -> g.versions.filter { it.freshness == "Stale" }.map { GroupVersion(g.metadata.name, it.version) } }

    private fun legacy(group: String, version: Version): List<APIResource> = version.resources.flatMap { r ->
        val namespaced = r.scope == "Namespaced"
        val main = APIResource {
            name = r.resource
            singularName = r.singularResource
            this.namespaced = namespaced
            kind = r.responseKind?.kind ?: ""
            verbs = r.verbs
            if (r.shortNames.isNotEmpty()) shortNames = r.shortNames
            if (r.categories.isNotEmpty()) categories = r.categories
        }
        listOf(main) + r.subresources.map { s -> subresource(group, version.version, r, s, namespaced) }
    }

    private fun subresource(group: String, version: String, r: Resource, s: Subresource, namespaced: Boolean) = APIResource {
        name = "${r.resource}/${s.subresource}"
        singularName = ""
        this.namespaced = namespaced
        kind = s.responseKind?.kind ?: ""
        val kindGroup = s.responseKind?.group
        val kindVersion = s.responseKind?.version
        if (kindGroup != null && kindVersion != null && (kindGroup != group || kindVersion != version)) {
            this.group = kindGroup
            this.version = kindVersion
        }
        verbs = s.verbs
    }

    private fun forDiscovery(group: String, version: String) = GroupVersionForDiscovery {
        groupVersion = if (group.isEmpty()) version else "$group/$version"
        this.version = version
    }
}
