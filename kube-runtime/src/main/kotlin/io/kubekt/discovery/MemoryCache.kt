package io.kubekt.discovery

import java.time.Duration
import kotlin.time.toJavaDuration

/**
 * Discovery kept in memory by one [DiscoveryClient] until [ttl] passes or it is invalidated
 * (client-go's memory cache; by default forever: the RESTMapper refreshes on a miss).
 */
public class MemoryCache @JvmOverloads constructor(override val ttl: Duration = FOREVER) : DiscoveryCache() {
    /** Kotlin: a memory cache with a [kotlin.time.Duration] TTL. */
    public constructor(ttl: kotlin.time.Duration) : this(ttl.toJavaDuration())

    override fun toString(): String = "MemoryCache(ttl=$ttl)"

    public companion object {
        /** A TTL that never expires. */
        @JvmField
        public val FOREVER: Duration = Duration.ofSeconds(Long.MAX_VALUE)
    }
}
