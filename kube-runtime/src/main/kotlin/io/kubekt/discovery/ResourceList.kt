package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIResource

/**
 * The resources the server serves in one group version (an `APIResourceList`), subresources
 * included as entries named `pods/status`, `deployments/scale`.
 */
public class ResourceList(
    /** The group version these resources are served in. */
    public val groupVersion: GroupVersion,
    /** The resources and subresources, as discovery lists them. */
    public val resources: List<APIResource>,
) {
    override fun equals(other: Any?): Boolean = other is ResourceList && other.groupVersion == groupVersion && other.resources == resources

    override fun hashCode(): Int = groupVersion.hashCode() * 31 + resources.hashCode()

    override fun toString(): String = "ResourceList($groupVersion, ${resources.size} resources)"
}
