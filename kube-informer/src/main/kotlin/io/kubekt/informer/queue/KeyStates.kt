package io.kubekt.informer.queue

import java.util.PriorityQueue

/**
 * The bookkeeping of a [WorkQueue], not thread-safe (the queue locks around it): waiting keys
 * in FIFO order, dirty keys (waiting, or added again while in flight), keys in flight, and
 * delayed keys by the time they are due.
 */
internal class KeyStates<K : Any> {
    private val waiting = ArrayDeque<K>()
    private val dirty = HashMap<K, Long>() // key -> nanoTime it was queued (for queue latency)
    private val inFlight = HashSet<K>()
    private val delayed = PriorityQueue<Pair<Long, K>>(compareBy { it.first })
    private val dueAt = HashMap<K, Long>()

    val depth: Int get() = waiting.size
    val inFlightCount: Int get() = inFlight.size
    val delayedCount: Int get() = dueAt.size

    /** Adds [key] unless it is waiting already; returns true if it joined the waiting line. */
    fun add(key: K, now: Long): Boolean {
        if (key in dirty) return false
        dirty[key] = now
        if (key in inFlight) return false
        waiting.addLast(key)
        return true
    }

    /** Delays [key] until [due]; an earlier pending due time wins. */
    fun addAt(key: K, due: Long) {
        val existing = dueAt[key]
        if (existing != null && existing <= due) return
        dueAt[key] = due
        delayed.add(due to key)
    }

    /** Moves the delayed keys due at [now] into the waiting line. */
    fun promoteDue(now: Long) {
        while (true) {
            val head = delayed.peek() ?: return
            if (head.first > now) return
            delayed.poll()
            if (dueAt[head.second] == head.first) {
                dueAt.remove(head.second)
                add(head.second, head.first)
            }
        }
    }

    /** The due time of the earliest delayed key, or null. */
    fun nextDue(): Long? = delayed.peek()?.first

    /** Takes the head of the waiting line into flight; returns it and when it was queued. */
    fun take(): Pair<K, Long>? {
        val key = waiting.removeFirstOrNull() ?: return null
        val queuedAt = dirty.remove(key) ?: 0L
        inFlight += key
        return key to queuedAt
    }

    /** Ends the flight of [key]; returns true if it was added meanwhile and waits again. */
    fun done(key: K): Boolean {
        inFlight -= key
        if (key !in dirty) return false
        waiting.addLast(key)
        return true
    }

    /** Drops every waiting and delayed key (those in flight finish). */
    fun clearWaiting() {
        waiting.clear()
        dirty.clear()
        delayed.clear()
        dueAt.clear()
    }

    fun clearDelayed() {
        delayed.clear()
        dueAt.clear()
    }
}
