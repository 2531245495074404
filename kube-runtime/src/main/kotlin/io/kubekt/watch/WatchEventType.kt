package io.kubekt.watch

/** The `type` of a watch event on the wire, less `ERROR` (which ends the stream with an exception). */
public enum class WatchEventType { ADDED, MODIFIED, DELETED, BOOKMARK }
