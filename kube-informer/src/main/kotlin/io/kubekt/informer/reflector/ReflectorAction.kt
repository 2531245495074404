package io.kubekt.informer.reflector

import io.kubekt.request.ListOptions
import kotlin.time.Duration

/** The I/O the reflector's edge performs next. */
internal sealed class ReflectorAction {
    /** Fetch one list page. */
    data class List(val options: ListOptions) : ReflectorAction()

    /** Open a watch. */
    data class Watch(val options: ListOptions) : ReflectorAction()

    /** Keep reading the open watch. */
    object KeepWatching : ReflectorAction() {
        override fun toString(): String = "KeepWatching"
    }

    /** Wait about [delay] (the edge adds jitter), then do [then]. */
    data class Backoff(val delay: Duration, val then: ReflectorAction) : ReflectorAction()
}
