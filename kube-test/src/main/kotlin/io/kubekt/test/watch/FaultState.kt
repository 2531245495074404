package io.kubekt.test.watch

import io.kubekt.test.RequestFilter
import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger

/** A queued failure: the next [remaining] matching requests are answered [status]. */
internal class FailureRule(val filter: RequestFilter, val status: Int, val retryAfterSeconds: Int?, times: Int) {
    val remaining = AtomicInteger(times)
}

/** Injected faults shared by the HTTP layer and the watch streams. */
internal class FaultState {
    val failures = CopyOnWriteArrayList<FailureRule>()
    val latencies = CopyOnWriteArrayList<Pair<RequestFilter, Duration>>()
    val watches: MutableSet<WatchControl> = ConcurrentHashMap.newKeySet()

    @Volatile
    var stalled: Boolean = false

    /** Takes one failure for a request with [verb] on [resource], if any is queued. */
    fun takeFailure(verb: String?, resource: String?): FailureRule? {
        for (rule in failures) {
            if (!rule.filter.matches(verb, resource)) continue
            while (true) {
                val left = rule.remaining.get()
                if (left <= 0) break
                if (rule.remaining.compareAndSet(left, left - 1)) {
                    if (left == 1) failures.remove(rule)
                    return rule
                }
            }
        }
        return null
    }

    fun latency(verb: String?, resource: String?): Duration =
        latencies.filter { it.first.matches(verb, resource) }.fold(Duration.ZERO) { acc, p -> acc.plus(p.second) }

    fun clear() {
        failures.clear()
        latencies.clear()
        stalled = false
    }
}
