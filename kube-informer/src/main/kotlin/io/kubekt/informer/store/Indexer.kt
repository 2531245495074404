package io.kubekt.informer.store

/** Computes the index values of an object (client-go's IndexFunc), e.g. its node name. */
public fun interface Indexer<in T> {
    /** The values [obj] is found under; empty for none. */
    public fun index(obj: T): Collection<String>
}
