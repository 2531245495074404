package io.kubekt.transport

import org.slf4j.LoggerFactory

/** Logs each distinct warning once; forgets the oldest beyond [capacity] so memory stays bounded. */
internal class LogOnceWarningHandler(private val capacity: Int = 1024) : WarningHandler {
    private val seen = object : LinkedHashMap<String, Unit>(16, 0.75f, false) {
        override fun removeEldestEntry(eldest: MutableMap.MutableEntry<String, Unit>?): Boolean = size > capacity
    }

    override fun onWarning(message: String) {
        val first = synchronized(seen) { seen.put(message, Unit) == null }
        if (first) logger.warn("Kubernetes API server warning: {}", message)
    }

    override fun toString(): String = "WarningHandler.logOnce()"

    companion object {
        private val logger = LoggerFactory.getLogger("io.kubekt.transport.Warnings")

        /** The handler used when a configuration names none: one per JVM, so each warning is logged once. */
        val SHARED: WarningHandler = LogOnceWarningHandler()
    }
}
