package io.kubekt.informer.reflector

/** Why a reflector fetches the whole state again. */
public enum class RelistReason {
    /** The first list of this reflector. */
    INITIAL,

    /** The watch's resourceVersion was compacted away (410 Gone / Expired). */
    GONE,

    /** The server has not caught up with the resourceVersion ("Too large resource version"). */
    RESOURCE_VERSION_TOO_LARGE,
}
