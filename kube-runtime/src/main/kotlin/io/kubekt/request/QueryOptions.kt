package io.kubekt.request

/**
 * Per-request options that travel as query parameters (client-go's `VersionedParams`):
 * [ListOptions] today, and the get, delete, patch and create options of the typed clients.
 */
public interface QueryOptions {
    /** The query parameters, unencoded, in a stable order; unset options are left out. */
    public fun toQuery(): List<Pair<String, String>>
}
