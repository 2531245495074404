@file:JvmName("KubeClientInformers")

package io.kubekt.informer

import io.kubekt.client.KubeClient
import kotlin.time.Duration

/**
 * Kotlin: the shared informers of this client, `client.informers(resync = 30.seconds)`; each call
 * makes a new factory (keep one). Java: `SharedInformerFactory.create(client, Duration)`.
 */
@JvmSynthetic
public fun KubeClient.informers(resync: Duration = Duration.ZERO): SharedInformerFactory = SharedInformerFactory.of(this, resync, null)

/** Kotlin: [informers] caching what [transform] returns, e.g. `ObjectTransform.keepEverything()`. */
@JvmSynthetic
public fun KubeClient.informers(resync: Duration, transform: ObjectTransform<*>): SharedInformerFactory =
    SharedInformerFactory.of(this, resync, transform)
