package io.kubekt.discovery

import io.kubekt.api.GroupVersionKind
import io.kubekt.api.GroupVersionResource

/** The [RestMapping]s of one discovery snapshot, in preference order, with the lookups of [RestMapper]. */
internal class MapperIndex(snapshot: DiscoverySnapshot) {
    /** Groups in server order; in a group its preferred version first, then the others in server order. */
    val mappings: List<RestMapping> = snapshot.groups.flatMap { g ->
        val group = g.name.orEmpty()
        val preferred = snapshot.preferredVersion(group)
        val versions = g.versions.orEmpty().mapNotNull { it.version }.sortedBy { if (it == preferred) 0 else 1 }
        versions.mapNotNull { snapshot.resourcesOf(GroupVersion(group, it)) }.flatMap { mappingsOf(it) }
    }

    private val preferredVersions: Map<String, String?> = snapshot.groups.associate { it.name.orEmpty() to snapshot.preferredVersion(it.name.orEmpty()) }

    fun byResource(gvr: GroupVersionResource): RestMapping? = mappings.firstOrNull { it.resource == gvr }

    fun byKind(kind: GroupVersionKind): RestMapping? = mappings.firstOrNull { it.kind == kind }

    /** The kind in [group], preferring the group's preferred version. */
    fun byGroupKind(group: String, kind: String): RestMapping? =
        mappings.firstOrNull { it.kind.group == group && it.kind.kind == kind }

    /**
     * kubectl's resource argument: `pods`, `pod`, `po`, `Pod`, `deployments.apps`,
     * `deployments.v1.apps` (plural, singular, short name or kind, then an optional version and group).
     */
    fun byName(text: String): RestMapping? {
        val parts = text.split('.', limit = 2)
        val name = parts[0]
        val rest = parts.getOrNull(1)
        if (rest == null) return mappings.firstOrNull { named(it, name) }
        val versioned = rest.split('.', limit = 2).takeIf { it.size == 2 }
        return versioned?.let { (v, g) -> mappings.firstOrNull { it.resource.group == g && it.resource.version == v && named(it, name) } }
            ?: mappings.firstOrNull { it.resource.group == rest && named(it, name) }
    }

    /** One mapping per group and resource (the preferred version) whose categories include [category]. */
    fun inCategory(category: String): List<RestMapping> =
        mappings.filter { category in it.categories }.distinctBy { it.resource.group to it.resource.resource }

    fun preferredVersion(group: String): String? = preferredVersions[group]

    private fun named(m: RestMapping, name: String): Boolean = m.resource.resource == name.lowercase() ||
        m.singular == name.lowercase() || name.lowercase() in m.shortNames || m.kind.kind.equals(name, ignoreCase = true)

    private fun mappingsOf(list: ResourceList): List<RestMapping> {
        val (subs, mains) = list.resources.partition { it.name.orEmpty().contains('/') }
        val gv = list.groupVersion
        return mains.filter { !it.name.isNullOrEmpty() && !it.kind.isNullOrEmpty() }.map { r ->
            val name = r.name!!
            RestMapping(
                resource = GroupVersionResource(gv.group, gv.version, name),
                kind = GroupVersionKind(gv.group, gv.version, r.kind!!),
                namespaced = r.namespaced == true,
                singular = r.singularName?.takeIf { it.isNotEmpty() } ?: r.kind!!.lowercase(),
                shortNames = r.shortNames.orEmpty(),
                categories = r.categories.orEmpty(),
                verbs = r.verbs.orEmpty(),
                subresources = subs.mapNotNull { it.name?.takeIf { n -> n.startsWith("$name/") }?.substringAfter('/') },
            )
        }
    }
}
