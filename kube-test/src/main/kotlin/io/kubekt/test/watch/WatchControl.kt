package io.kubekt.test.watch

import java.util.concurrent.atomic.AtomicInteger

/** The fault-injection handle of one open watch stream. */
internal class WatchControl {
    @Volatile
    var dropped: Boolean = false
        private set

    private val remaining = AtomicInteger(-1)

    fun drop() {
        dropped = true
    }

    /** Ends the stream after [events] more events (0 = now). */
    fun dropAfter(events: Int) {
        if (events <= 0) drop() else remaining.set(events)
    }

    /** Called after an event is written; true when the stream must now end. */
    fun sent(): Boolean {
        val left = remaining.get()
        if (left > 0 && remaining.decrementAndGet() == 0) drop()
        return dropped
    }
}
