package io.kubekt

/** The version of kubekt, sent in the User-Agent header. */
public object KubektVersion {
    /** The library version, e.g. `0.1.0`. */
    public const val VERSION: String = "0.1.0-SNAPSHOT"
}
