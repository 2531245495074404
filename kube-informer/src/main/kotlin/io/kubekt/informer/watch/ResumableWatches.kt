@file:JvmName("ResumableWatches")

package io.kubekt.informer.watch

import io.kubekt.watch.ListWatch
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.flow.Flow

/**
 * Kotlin: a [ResumableWatch] of this resource from [resourceVersion] (not empty, not "0"),
 * `configMaps.resumableWatch(list.metadata?.resourceVersion!!) { labelSelector = "app=web" }`.
 * Cold; ends with a 410 [io.kubekt.error.ApiException] once the position is compacted away.
 * Java: `new ResumableWatch<>(listWatch, rv, config).start(client, listener)`.
 */
@JvmSynthetic
public fun <T> ListWatch<T>.resumableWatch(
    resourceVersion: String,
    configure: ResumableWatchConfig.Builder.() -> Unit = {},
): Flow<WatchEvent<T>> = ResumableWatch(this, resourceVersion, ResumableWatchConfig.builder().apply(configure).build()).events()
