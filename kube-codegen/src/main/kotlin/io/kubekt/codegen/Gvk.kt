package io.kubekt.codegen

/** A group, version and kind as the spec names them. */
public data class Gvk(val group: String, val version: String, val kind: String) {
    /** `v1` or `apps/v1`. */
    val apiVersion: String get() = if (group.isEmpty()) version else "$group/$version"
}
