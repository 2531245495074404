package io.kubekt.config

/** Act as another user: sent as `Impersonate-User`, `-Uid`, `-Group` and `-Extra-*` headers. */
public data class Impersonation(
    val user: String,
    val uid: String? = null,
    val groups: List<String> = emptyList(),
    val extra: Map<String, List<String>> = emptyMap(),
)
