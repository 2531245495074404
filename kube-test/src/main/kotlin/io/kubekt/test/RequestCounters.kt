package io.kubekt.test

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicLong

/**
 * Counts of the requests the server has received, by Kubernetes verb and resource and by path,
 * for assertions such as "the informer listed once". Faulted requests are counted too.
 */
public class RequestCounters internal constructor() {
    private val byVerbResource = ConcurrentHashMap<String, AtomicLong>()
    private val byPath = ConcurrentHashMap<String, AtomicLong>()
    private val all = AtomicLong()

    internal fun record(verb: String?, resource: String?, path: String) {
        all.incrementAndGet()
        byVerbResource.computeIfAbsent("${verb ?: ""} ${resource ?: ""}") { AtomicLong() }.incrementAndGet()
        byPath.computeIfAbsent(path) { AtomicLong() }.incrementAndGet()
    }

    /** Requests with [verb] on [resource] (plural name, e.g. `pods`). */
    public fun count(verb: String, resource: String): Long = byVerbResource["$verb $resource"]?.get() ?: 0L

    /** Requests with [verb] on any resource. */
    public fun count(verb: String): Long = byVerbResource.entries.filter { it.key.substringBefore(' ') == verb }.sumOf { it.value.get() }

    /** Requests to exactly [path] (no query string). */
    public fun countPath(path: String): Long = byPath[path]?.get() ?: 0L

    /** All requests since start or the last [reset]. */
    public fun total(): Long = all.get()

    /** Forgets every count. */
    public fun reset() {
        byVerbResource.clear()
        byPath.clear()
        all.set(0)
    }
}
