@file:OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)

package io.kubekt.informer

import io.kubekt.transport.KubeClock
import kotlinx.coroutines.test.TestScope
import kotlin.time.Duration

/** A [KubeClock] on the test scheduler's virtual time, so clock readings and `delay` agree. */
fun TestScope.virtualClock(): KubeClock = object : KubeClock {
    override fun nanoTime(): Long = testScheduler.currentTime * 1_000_000
    override fun currentTimeMillis(): Long = testScheduler.currentTime
    override suspend fun delay(duration: Duration) = kotlinx.coroutines.delay(duration)
}
