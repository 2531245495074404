package io.kubekt.transport

/**
 * Receives the `Warning` headers the API server sends (deprecations, validation warnings).
 * The default, [WarningHandler.logOnce], logs each distinct warning once through SLF4J.
 */
public fun interface WarningHandler {
    /** Called once per warning header, with the warning text (code and agent stripped). */
    public fun onWarning(message: String)
}
