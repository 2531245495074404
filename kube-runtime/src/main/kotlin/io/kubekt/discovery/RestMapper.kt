package io.kubekt.discovery

import io.kubekt.api.GroupVersionKind
import io.kubekt.api.GroupVersionResource
import io.kubekt.client.CoroutineBridge
import io.kubekt.error.NoMatchException

/**
 * Maps kinds to resources and back (client-go's RESTMapper): plural, singular and short names,
 * categories, preferred versions and scope, for built-in resources and CRDs alike, from what
 * its [DiscoveryClient] discovered.
 *
 * ```kotlin
 * val deploy = client.discovery().restMapper().mappingFor("deploy")   // apps/v1 Deployment, deployments
 * ```
 * ```java
 * RestMapping m = client.discovery().restMapper().mappingFor("deploy");
 * ```
 * A lookup that finds nothing invalidates the discovery cache and looks once more (a CRD
 * created since the last discovery is found), then throws [NoMatchException]. Thread-safe.
 */
public class RestMapper internal constructor(private val discovery: DiscoveryClient, private val bridge: CoroutineBridge) {
    @Volatile private var index: Pair<DiscoverySnapshot, MapperIndex>? = null

    /** The mapping for kubectl's resource argument: `pods`, `pod`, `po`, `deployments.apps`, `deployments.v1.apps`. */
    @JvmSynthetic
    public suspend fun mappingFor(resource: String): RestMapping =
        find("resource $resource") { it.byName(resource) }

    /** The mapping of [resource]. */
    @JvmSynthetic
    public suspend fun mappingFor(resource: GroupVersionResource): RestMapping =
        find("resource $resource") { it.byResource(resource) }

    /** The mapping of [kind]. */
    @JvmSynthetic
    public suspend fun mappingForKind(kind: GroupVersionKind): RestMapping =
        find("kind $kind") { it.byKind(kind) }

    /** The mapping of [kind] in [group], in the group's preferred version (or the first version serving it). */
    @JvmSynthetic
    public suspend fun mappingForKind(group: String, kind: String): RestMapping =
        find("kind $kind in group \"$group\"") { it.byGroupKind(group, kind) }

    /** The resources in [category] (e.g. `all`), one per group and resource, in the preferred version. */
    @JvmSynthetic
    public suspend fun resourcesInCategory(category: String): List<RestMapping> = index().inCategory(category)

    /** The preferred version of [group], or null when the server does not serve it. */
    @JvmSynthetic
    public suspend fun preferredVersion(group: String): String? = index().preferredVersion(group)

    @JvmName("mappingFor")
    public fun mappingForBlocking(resource: String): RestMapping = bridge.blocking { mappingFor(resource) }

    @JvmName("mappingFor")
    public fun mappingForBlocking(resource: GroupVersionResource): RestMapping = bridge.blocking { mappingFor(resource) }

    @JvmName("mappingForKind")
    public fun mappingForKindBlocking(kind: GroupVersionKind): RestMapping = bridge.blocking { mappingForKind(kind) }

    @JvmName("mappingForKind")
    public fun mappingForKindBlocking(group: String, kind: String): RestMapping = bridge.blocking { mappingForKind(group, kind) }

    @JvmName("resourcesInCategory")
    public fun resourcesInCategoryBlocking(category: String): List<RestMapping> = bridge.blocking { resourcesInCategory(category) }

    @JvmName("preferredVersion")
    public fun preferredVersionBlocking(group: String): String? = bridge.blocking { preferredVersion(group) }

    /** Whether [resource] is namespaced, or null when discovery does not know it even after a refresh. */
    internal suspend fun namespacedOrNull(resource: GroupVersionResource): Boolean? = try {
        mappingFor(resource).namespaced
    } catch (e: NoMatchException) {
        null
    }

    private suspend fun <T : Any> find(what: String, lookup: (MapperIndex) -> T?): T {
        lookup(index())?.let { return it }
        discovery.invalidate()
        return lookup(index()) ?: throw NoMatchException("no $what on ${discovery.server} (discovered anew)")
    }

    private suspend fun index(): MapperIndex {
        val snapshot = discovery.snapshot()
        index?.let { (s, i) -> if (s === snapshot) return i }
        return MapperIndex(snapshot).also { index = snapshot to it }
    }

    override fun toString(): String = "RestMapper(${discovery.server})"
}
