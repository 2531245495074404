package io.kubekt.informer.queue

import java.time.Duration

/** The longest delay of several limiters (client-go's MaxOfRateLimiter). */
internal class MaxOfRateLimiter<in K>(private val limiters: List<RateLimiter<K>>) : RateLimiter<K> {
    init {
        require(limiters.isNotEmpty()) { "maxOf needs at least one rate limiter" }
    }

    override fun delayFor(key: K): Duration = limiters.map { it.delayFor(key) }.max()

    override fun forget(key: K) = limiters.forEach { it.forget(key) }

    override fun retries(key: K): Int = limiters.maxOf { it.retries(key) }
}
