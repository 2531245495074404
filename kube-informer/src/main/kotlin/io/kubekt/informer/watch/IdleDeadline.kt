package io.kubekt.informer.watch

import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlin.time.Duration
import kotlin.time.TimeSource

/**
 * Collects one watch of [listWatch] in this coroutine (events are never buffered, so none is lost
 * when the stream fails right after one) while a watchdog ends it with [IdleWatchException] once
 * nothing arrived for [idleTimeout]: the reflector's and the resumable watch's guard against a
 * silent stall.
 */
internal suspend fun <T> collectUntilIdle(
    listWatch: ListWatch<T>,
    options: ListOptions,
    idleTimeout: Duration,
    timeSource: TimeSource,
    onEvent: suspend (WatchEvent<T>) -> Unit,
): Unit = coroutineScope {
    var last = timeSource.markNow()
    val watchdog = launch {
        while (true) {
            val left = idleTimeout - last.elapsedNow()
            if (!left.isPositive()) throw IdleWatchException()
            delay(left)
        }
    }
    listWatch.watch(options).collect { event ->
        last = timeSource.markNow()
        onEvent(event)
    }
    watchdog.cancel()
}

/** The watch was silent for the idle timeout. */
internal class IdleWatchException : Exception("watch silent for the idle timeout", null, false, false)
