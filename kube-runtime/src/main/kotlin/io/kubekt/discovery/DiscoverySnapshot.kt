package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIGroup

/**
 * Everything discovery found at one time: the groups in the server's order (the core group
 * first, named `""`) and the resources of each group version.
 */
internal class DiscoverySnapshot(val groups: List<APIGroup>, resources: List<ResourceList>) {
    val resources: List<ResourceList> = orderByGroups(resources)

    private val byGroupVersion = this.resources.associateBy { it.groupVersion }

    fun resourcesOf(groupVersion: GroupVersion): ResourceList? = byGroupVersion[groupVersion]

    fun preferredVersion(group: String): String? =
        groups.firstOrNull { it.name.orEmpty() == group }?.let { it.preferredVersion?.version ?: it.versions?.firstOrNull()?.version }

    /** The lists of each group's preferred version only. */
    fun preferredResources(): List<ResourceList> = groups.mapNotNull { g ->
        preferredVersion(g.name.orEmpty())?.let { byGroupVersion[GroupVersion(g.name.orEmpty(), it)] }
    }

    /** Lists in group order, and within a group in the order the group lists its versions. */
    private fun orderByGroups(lists: List<ResourceList>): List<ResourceList> {
        val rank = HashMap<GroupVersion, Int>()
        groups.forEach { g -> g.versions.orEmpty().forEach { v -> rank.putIfAbsent(GroupVersion(g.name.orEmpty(), v.version.orEmpty()), rank.size) } }
        return lists.filter { it.groupVersion in rank }.sortedBy { rank.getValue(it.groupVersion) }
    }
}
