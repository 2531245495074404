package io.kubekt.informer.reflector

import io.kubekt.api.KubeList
import io.kubekt.watch.WatchEvent

/** What happened at the reflector's edge, fed to [ReflectorCore.transition]. */
internal sealed class ReflectorInput<out T> {
    /** A list page arrived. */
    class Listed<out T>(val page: KubeList<out T>) : ReflectorInput<T>()

    /** A list page failed. */
    class ListFailed(val error: Exception) : ReflectorInput<Nothing>()

    /** The open watch delivered [event]. */
    class Event<out T>(val event: WatchEvent<T>) : ReflectorInput<T>()

    /** The server ended the watch normally (timeoutSeconds, a restart). */
    object WatchEnded : ReflectorInput<Nothing>()

    /** The watch failed (an ERROR event, an error answer, a broken connection). */
    class WatchFailed(val error: Exception) : ReflectorInput<Nothing>()

    /** The watch was silent for the idle timeout and was closed. */
    object WatchIdle : ReflectorInput<Nothing>()
}
