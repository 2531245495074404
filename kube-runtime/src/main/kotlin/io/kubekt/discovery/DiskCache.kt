package io.kubekt.discovery

import java.nio.file.Path
import java.time.Duration
import kotlin.time.toJavaDuration
import kotlin.time.toKotlinDuration

/**
 * Discovery kept on disk in kubectl's own layout (`~/.kube/cache/discovery/<host_port>/`:
 * `servergroups.json` and `<group>/<version>/serverresources.json`), so kubectl and kubekt
 * share it; files older than [ttl] are fetched again. Files are written atomically (a temporary
 * file renamed into place), so a concurrent reader — kubectl, another process — never sees a
 * half-written one. A memory layer in front serves repeated calls of one client.
 */
public class DiskCache(
    override val ttl: Duration,
    /** The parent folder; each server gets a folder in it named after its host and port. */
    public val directory: Path = defaultDirectory(),
) : DiscoveryCache() {
    /** Kotlin: `DiskCache(ttl = 60.minutes)`. */
    public constructor(ttl: kotlin.time.Duration = DEFAULT_TTL.toKotlinDuration(), directory: Path = defaultDirectory()) :
        this(ttl.toJavaDuration(), directory)

    override fun toString(): String = "DiskCache(ttl=$ttl, directory=$directory)"

    public companion object {
        /** kubectl's default TTL for its discovery cache: 6 hours. */
        @JvmField
        public val DEFAULT_TTL: Duration = Duration.ofHours(6)

        /** kubectl's folder: `$KUBECACHEDIR/discovery` when set, else `~/.kube/cache/discovery`. */
        @JvmStatic
        public fun defaultDirectory(): Path {
            val env = System.getenv("KUBECACHEDIR")?.takeIf { it.isNotEmpty() }
            return if (env != null) Path.of(env, "discovery") else Path.of(System.getProperty("user.home"), ".kube", "cache", "discovery")
        }

        /** Java: a disk cache in the default folder with [ttl]. */
        @JvmStatic
        public fun withTtl(ttl: Duration): DiskCache = DiskCache(ttl, defaultDirectory())

        /** Java: a disk cache in [directory] with [ttl]. */
        @JvmStatic
        public fun of(directory: Path, ttl: Duration): DiskCache = DiskCache(ttl, directory)
    }
}
