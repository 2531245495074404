package io.kubekt.informer.reflector

import io.kubekt.api.KubeObject
import io.kubekt.informer.watch.IdleWatchException
import io.kubekt.informer.watch.collectUntilIdle
import io.kubekt.request.ListOptions
import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.FlowCollector
import kotlinx.coroutines.flow.flow
import org.slf4j.LoggerFactory
import kotlin.random.Random
import kotlin.time.TimeSource

/**
 * Keeps a local copy of a resource in step with the server (client-go's Reflector): lists it in
 * pages, watches from the list's resourceVersion with bookmarks, resumes a dropped watch from
 * the last seen resourceVersion, relists after 410 Gone/Expired or "Too large resource version",
 * backs off with jitter between consecutive failures, and restarts a watch silent for
 * [ReflectorConfig.idleTimeout]. Optionally fetches the state with a WatchList.
 *
 * [events] is cold: each collection runs one reflector in the collector's coroutine and never
 * ends on its own (errors are retried); cancel the collector to stop it and close its watch.
 * The I/O lives here; every decision is made by the pure [ReflectorCore]. [random] jitters the
 * backoff, [timeSource] measures the idle deadline (both injectable for tests).
 */
public class Reflector<T : KubeObject> @JvmOverloads constructor(
    private val listWatch: ListWatch<T>,
    private val config: ReflectorConfig = ReflectorConfig(),
    private val random: Random = Random.Default,
    private val timeSource: TimeSource = TimeSource.Monotonic,
) {
    private val core = ReflectorCore<T>(config)

    /** Runs the reflector while collected: relist boundaries and changes, in server order. */
    @JvmSynthetic
    public fun events(): Flow<ReflectorEvent<T>> = flow {
        var step = core.start()
        while (true) {
            step.events.forEach { emit(it) }
            step = perform(step.state, step.action)
        }
    }

    private suspend fun FlowCollector<ReflectorEvent<T>>.perform(state: ReflectorState<T>, action: ReflectorAction): ReflectorStep<T> =
        when (action) {
            is ReflectorAction.List -> list(state, action.options)
            is ReflectorAction.Watch -> watch(state, action.options)
            is ReflectorAction.Backoff -> {
                val half = action.delay / 2
                delay(half + half * random.nextDouble())
                perform(state, action.then)
            }
            ReflectorAction.KeepWatching -> error("reflector: KeepWatching outside a watch")
        }

    /**
     * Lists all pages through [ListWatch.listPages], so a client that reads ahead fetches page
     * n+1 while page n is handled here. Each page is one [ReflectorInput.Listed] for the core; the
     * pages continue while the core asks for exactly the next one.
     */
    private suspend fun FlowCollector<ReflectorEvent<T>>.list(state: ReflectorState<T>, options: ListOptions): ReflectorStep<T> {
        var current = state
        try {
            listWatch.listPages(options).collect { page ->
                val step = core.transition(current, ReflectorInput.Listed(page))
                val next = page.metadata?.`continue`?.takeIf { it.isNotEmpty() }
                val action = step.action
                if (next == null || action !is ReflectorAction.List || action.options.continueToken != next) throw Stop(step)
                step.events.forEach { emit(it) }
                current = step.state
            }
        } catch (stop: Stop) {
            @Suppress("UNCHECKED_CAST")
            return stop.step as ReflectorStep<T>
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.warn("reflector: list failed ({}), retrying", e.message)
            return core.transition(current, ReflectorInput.ListFailed(e))
        }
        val truncated = IllegalStateException("the list ended before a page without a continue token")
        log.warn("reflector: {}, retrying", truncated.message)
        return core.transition(current, ReflectorInput.ListFailed(truncated))
    }

    private suspend fun FlowCollector<ReflectorEvent<T>>.watch(state: ReflectorState<T>, options: ListOptions): ReflectorStep<T> {
        var current = state
        val end: ReflectorInput<T> = try {
            collectUntilIdle(listWatch, options, config.idleTimeout, timeSource) { event ->
                val step = core.transition(current, ReflectorInput.Event(event))
                step.events.forEach { emit(it) }
                current = step.state
                if (step.action != ReflectorAction.KeepWatching) throw Stop(step)
            }
            ReflectorInput.WatchEnded
        } catch (stop: Stop) {
            @Suppress("UNCHECKED_CAST")
            return stop.step as ReflectorStep<T>
        } catch (idle: IdleWatchException) {
            log.info("reflector: watch silent for {}, restarting it", config.idleTimeout)
            ReflectorInput.WatchIdle
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.info("reflector: watch ended with {}", e.message)
            ReflectorInput.WatchFailed(e)
        }
        return core.transition(current, end)
    }

    /** Ends a list or watch whose input asked the core for other I/O. */
    private class Stop(val step: ReflectorStep<*>) : Exception(null, null, false, false)

    private companion object {
        val log = LoggerFactory.getLogger(Reflector::class.java)
    }
}
