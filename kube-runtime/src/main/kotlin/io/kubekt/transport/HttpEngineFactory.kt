package io.kubekt.transport

import io.ktor.client.engine.HttpClientEngine

/**
 * Makes the Ktor engine the client talks through. The engine is pluggable; the default is chosen
 * by measurement (see `docs/decisions/http-engine.md`).
 *
 * An implementation must apply every setting in [EngineSettings]: TLS trust and client keys,
 * server name, proxy and connect timeout.
 */
public fun interface HttpEngineFactory {
    /** Creates a new engine; the client closes it when it is closed. */
    public fun create(settings: EngineSettings): HttpClientEngine
}
