package io.kubekt.discovery

import java.time.Duration

/**
 * Where a [DiscoveryClient] keeps what it discovered: in memory ([MemoryCache]) or on disk as
 * well ([DiskCache]). See docs/decisions/discovery-cache.md.
 */
public sealed class DiscoveryCache {
    /** How long a discovered document is used before it is fetched again; [Duration.ZERO] never reuses one. */
    public abstract val ttl: Duration
}
