package io.kubekt.transport

/**
 * Receives the `Warning` headers the API server sends (deprecations, validation warnings).
 * The default, [WarningHandler.logOnce], logs each distinct warning once through SLF4J.
 *
 * Called on the thread that completed the response; an exception it throws is logged and
 * otherwise ignored, so a handler cannot fail a request.
 */
public fun interface WarningHandler {
    /** Called once per warning header, with the warning text (code and agent stripped). */
    public fun onWarning(message: String)

    public companion object {
        /**
         * A new handler that logs each distinct warning once, at WARN, through the SLF4J logger
         * `io.kubekt.transport.Warnings`. It remembers up to 1,024 distinct texts.
         */
        @JvmStatic
        public fun logOnce(): WarningHandler = LogOnceWarningHandler()

        /** A handler that drops every warning. */
        @JvmField
        public val IGNORE: WarningHandler = WarningHandler { }
    }
}
