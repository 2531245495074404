package io.kubekt.transport

import io.ktor.client.engine.HttpClientEngine

/**
 * Makes the Ktor engine the client talks through. The engine is pluggable; the default is chosen
 * by measurement (see `docs/decisions/http-engine.md`): [JavaEngineFactory], [OkHttpEngineFactory]
 * and [CioEngineFactory] are provided.
 *
 * An implementation must apply every setting in [EngineSettings]: TLS trust and client keys,
 * server name, proxy and connect timeout; and it must not time out long reads (watches) or retry
 * requests on its own.
 */
public fun interface HttpEngineFactory {
    /** Creates a new engine; the client closes it when it is closed. */
    public fun create(settings: EngineSettings): HttpClientEngine

    public companion object {
        /** The engine used when [io.kubekt.config.ClientConfig.engine] is null: [java]. */
        @JvmStatic
        public fun defaultEngine(): HttpEngineFactory = JavaEngineFactory

        /** Ktor's Java engine over `java.net.http` ([JavaEngineFactory]). */
        @JvmStatic
        public fun java(): HttpEngineFactory = JavaEngineFactory

        /** Ktor's OkHttp engine ([OkHttpEngineFactory]); needs `io.ktor:ktor-client-okhttp-jvm` on the class path. */
        @JvmStatic
        public fun okHttp(): HttpEngineFactory = OkHttpEngineFactory

        /** Ktor's CIO engine ([CioEngineFactory]); needs `io.ktor:ktor-client-cio-jvm` on the class path. */
        @JvmStatic
        public fun cio(): HttpEngineFactory = CioEngineFactory
    }
}
