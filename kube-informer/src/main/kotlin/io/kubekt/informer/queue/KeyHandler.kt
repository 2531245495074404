package io.kubekt.informer.queue

/**
 * Processes one key of a [WorkQueue] from Java. Throwing counts as [ProcessResult.Retry]
 * (the exception is logged at warn with the key).
 */
public fun interface KeyHandler<K> {
    /** Processes [key] and says what to do with it next. */
    @Throws(Exception::class)
    public fun handle(key: K): ProcessResult
}
