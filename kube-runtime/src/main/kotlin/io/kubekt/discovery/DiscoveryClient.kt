package io.kubekt.discovery

import io.kubekt.api.meta.v1.APIGroup
import io.kubekt.api.version.Info
import io.kubekt.client.KubeClient
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import java.nio.file.Path
import java.time.Duration

/**
 * What the server serves (client-go's discovery client): its version, API groups, the resources
 * of each group version (subresources included) and preferred versions; and a [RestMapper].
 *
 * ```kotlin
 * val discovery = client.discovery(cache = DiskCache(ttl = 60.minutes))
 * for (list in discovery.serverResources()) for (r in list.resources)
 *     println("name: ${r.name}, group: ${list.groupVersion.group}, version: ${list.groupVersion.version}")
 * ```
 * ```java
 * DiscoveryClient discovery = client.discovery(DiskCache.withTtl(Duration.ofMinutes(60)));
 * for (ResourceList list : discovery.serverResources()) ...
 * ```
 * Uses aggregated discovery (`apidiscovery.k8s.io` v2, else v2beta1) when the server offers it,
 * else the legacy endpoints. Answers come from [cache] while fresh; [invalidate] forces the next
 * call to ask the server (and to rewrite the disk cache). Thread-safe: concurrent calls share
 * one fetch. Kotlin calls suspend; Java sees the same names blocking and futures under [async].
 */
public class DiscoveryClient internal constructor(
    private val client: KubeClient,
    /** Where discovery results are kept. */
    public val cache: DiscoveryCache,
) {
    private val fetcher = DiscoveryFetcher(client)
    private val disk: DiskStore? = (cache as? DiskCache)?.let { DiskStore(it.directory.resolve(DiskStore.folderName(client.config.server)), it.ttl) }
    private val mutex = Mutex()

    @Volatile private var current: Pair<DiscoverySnapshot, Long>? = null

    @Volatile private var bypassDisk = false

    private val mapper: RestMapper by lazy { RestMapper(this, client.bridge) }

    /** This server's folder of a [DiskCache] (`<directory>/<host_port>`), or null for a [MemoryCache]. */
    public val cacheFolder: Path? get() = disk?.folder

    internal val server: String get() = client.config.server

    /** The RESTMapper over this client's discovery (one per discovery client). */
    public fun restMapper(): RestMapper = mapper

    /** The server's version (`/version`); never cached. */
    @JvmSynthetic
    public suspend fun serverVersion(): Info = client.rest().get().absPath("version").execute(Info.Serializer)

    /** The API groups in the server's order, the core group first (named `""`). */
    @JvmSynthetic
    public suspend fun serverGroups(): List<APIGroup> = snapshot().groups

    /** The resources of every group version the server serves. */
    @JvmSynthetic
    public suspend fun serverResources(): List<ResourceList> = snapshot().resources

    /** The resources of each group's preferred version only. */
    @JvmSynthetic
    public suspend fun serverPreferredResources(): List<ResourceList> = snapshot().preferredResources()

    /** The resources of [groupVersion], or null when the server does not serve it. */
    @JvmSynthetic
    public suspend fun serverResourcesFor(groupVersion: GroupVersion): ResourceList? = snapshot().resourcesOf(groupVersion)

    /** The preferred version of [group] (`""` for the core group), or null when the server does not serve it. */
    @JvmSynthetic
    public suspend fun preferredVersion(group: String): String? = snapshot().preferredVersion(group)

    /** Forgets what was discovered: the next call asks the server, and rewrites the disk cache. */
    public fun invalidate() {
        bypassDisk = true
        current = null
    }

    @JvmName("serverVersion")
    public fun serverVersionBlocking(): Info = client.bridge.blocking { serverVersion() }

    @JvmName("serverGroups")
    public fun serverGroupsBlocking(): List<APIGroup> = client.bridge.blocking { serverGroups() }

    @JvmName("serverResources")
    public fun serverResourcesBlocking(): List<ResourceList> = client.bridge.blocking { serverResources() }

    @JvmName("serverPreferredResources")
    public fun serverPreferredResourcesBlocking(): List<ResourceList> = client.bridge.blocking { serverPreferredResources() }

    @JvmName("serverResourcesFor")
    public fun serverResourcesForBlocking(groupVersion: GroupVersion): ResourceList? = client.bridge.blocking { serverResourcesFor(groupVersion) }

    @JvmName("preferredVersion")
    public fun preferredVersionBlocking(group: String): String? = client.bridge.blocking { preferredVersion(group) }

    /** Java: the `CompletableFuture` variants of the calls. */
    public fun async(): AsyncDiscoveryClient = AsyncDiscoveryClient(this, client)

    /** What was discovered: from memory while fresh, else from disk while fresh, else from the server. */
    internal suspend fun snapshot(): DiscoverySnapshot {
        fresh()?.let { return it }
        return mutex.withLock {
            fresh() ?: load().also { current = it to System.nanoTime() }
        }
    }

    private fun fresh(): DiscoverySnapshot? =
        current?.takeIf { (_, at) -> Duration.ofNanos(System.nanoTime() - at) < cache.ttl }?.first

    private suspend fun load(): DiscoverySnapshot {
        val skipDisk = bypassDisk
        bypassDisk = false
        if (!skipDisk) disk?.read()?.let { return it }
        return fetcher.fetch().also { disk?.write(it) }
    }

    override fun toString(): String = "DiscoveryClient($server, $cache)"
}
