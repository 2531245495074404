package io.kubekt.config

import io.kubekt.KubektVersion
import io.kubekt.transport.HttpEngineFactory
import io.kubekt.transport.KubeClock
import io.kubekt.transport.RetryConfig
import io.kubekt.transport.WarningHandler
import java.time.Duration

/**
 * Everything a client needs to reach one API server, resolved and immutable: client-go's
 * `rest.Config`. Made by the loaders ([KubeconfigLoader], in-cluster) or by hand:
 *
 * ```kotlin
 * val config = ClientConfig { server = "https://10.0.0.1:6443"; credentials = Credentials.Token(t) }
 * ```
 * ```java
 * ClientConfig config = ClientConfig.builder().server("https://10.0.0.1:6443").build();
 * ```
 *
 * `toString` never shows a credential.
 */
public class ClientConfig private constructor(b: Builder) {
    /** The API server's base URL, `https://host:port` (a path prefix is kept). */
    public val server: String = requireNotNull(b.server) { "ClientConfig needs a server URL" }.trimEnd('/')

    /** The namespace used when a call names none. */
    public val namespace: String = b.namespace

    public val tls: TlsConfig = b.tls
    public val credentials: Credentials = b.credentials
    public val impersonation: Impersonation? = b.impersonation

    /** An explicit proxy (kubeconfig `proxy-url`); when null, HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply. */
    public val proxyUrl: String? = b.proxyUrl

    public val connectTimeout: Duration = b.connectTimeout

    /** The limit on one request/response exchange; watches and other streams are exempt. */
    public val requestTimeout: Duration = b.requestTimeout

    /** Client-side rate limit: sustained requests per second. Zero or less turns limiting off. */
    public val qps: Double = b.qps

    /** Client-side rate limit: requests that may go at once before [qps] applies. */
    public val burst: Int = b.burst

    public val retry: RetryConfig = b.retry
    public val userAgent: String = b.userAgent
    public val warningHandler: WarningHandler? = b.warningHandler
    public val clock: KubeClock = b.clock

    /** The engine; null means the default engine. */
    public val engine: HttpEngineFactory? = b.engine

    /** The kubeconfig context this came from, if any. */
    public val contextName: String? = b.contextName

    /** Where this configuration came from, for error messages (e.g. `context "dev" in /home/me/.kube/config`). */
    public val source: String = b.source

    init {
        require(server.startsWith("https://") || server.startsWith("http://")) {
            "server must be an http:// or https:// URL, was \"$server\" (from $source)"
        }
        require(burst >= 1 || qps <= 0.0) { "burst must be at least 1 when qps is set" }
    }

    /** A builder holding this configuration's values, to derive a changed copy. */
    public fun toBuilder(): Builder = Builder().also { n ->
        n.server = server; n.namespace = namespace; n.tls = tls; n.credentials = credentials
        n.impersonation = impersonation; n.proxyUrl = proxyUrl; n.connectTimeout = connectTimeout
        n.requestTimeout = requestTimeout; n.qps = qps; n.burst = burst; n.retry = retry
        n.userAgent = userAgent; n.warningHandler = warningHandler; n.clock = clock; n.engine = engine
        n.contextName = contextName; n.source = source
    }

    override fun toString(): String =
        "ClientConfig(server=$server, namespace=$namespace, credentials=$credentials, tls=$tls, " +
            "impersonation=$impersonation, source=$source)"

    /** Collects the values of a [ClientConfig]. Properties for Kotlin, fluent setters for Java. */
    public class Builder {
        public var server: String? = null
        public var namespace: String = "default"
        public var tls: TlsConfig = TlsConfig.DEFAULT
        public var credentials: Credentials = Credentials.None
        public var impersonation: Impersonation? = null
        public var proxyUrl: String? = null
        public var connectTimeout: Duration = Duration.ofSeconds(10)
        public var requestTimeout: Duration = Duration.ofSeconds(60)
        public var qps: Double = DEFAULT_QPS
        public var burst: Int = DEFAULT_BURST
        public var retry: RetryConfig = RetryConfig.DEFAULT
        public var userAgent: String = DEFAULT_USER_AGENT
        public var warningHandler: WarningHandler? = null
        public var clock: KubeClock = KubeClock.SYSTEM
        public var engine: HttpEngineFactory? = null
        public var contextName: String? = null
        public var source: String = "configuration built in code"

        public fun server(value: String): Builder = apply { server = value }
        public fun namespace(value: String): Builder = apply { namespace = value }
        public fun tls(value: TlsConfig): Builder = apply { tls = value }
        public fun credentials(value: Credentials): Builder = apply { credentials = value }
        public fun impersonation(value: Impersonation?): Builder = apply { impersonation = value }
        public fun proxyUrl(value: String?): Builder = apply { proxyUrl = value }
        public fun connectTimeout(value: Duration): Builder = apply { connectTimeout = value }
        public fun requestTimeout(value: Duration): Builder = apply { requestTimeout = value }
        public fun qps(value: Double): Builder = apply { qps = value }
        public fun burst(value: Int): Builder = apply { burst = value }
        public fun retry(value: RetryConfig): Builder = apply { retry = value }
        public fun userAgent(value: String): Builder = apply { userAgent = value }
        public fun warningHandler(value: WarningHandler?): Builder = apply { warningHandler = value }
        public fun clock(value: KubeClock): Builder = apply { clock = value }
        public fun engine(value: HttpEngineFactory?): Builder = apply { engine = value }
        public fun contextName(value: String?): Builder = apply { contextName = value }
        public fun source(value: String): Builder = apply { source = value }

        public fun build(): ClientConfig = ClientConfig(this)
    }

    public companion object {
        /** Default sustained requests per second; see `docs/decisions/rate-limits.md`. */
        public const val DEFAULT_QPS: Double = 50.0

        /** Default burst; see `docs/decisions/rate-limits.md`. */
        public const val DEFAULT_BURST: Int = 100

        /** `kubekt/<version> (<os>; <arch>) java/<version>`. */
        @JvmField
        public val DEFAULT_USER_AGENT: String =
            "kubekt/${KubektVersion.VERSION} (${System.getProperty("os.name")}; ${System.getProperty("os.arch")}) " +
                "java/${System.getProperty("java.version")}"

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()

        /**
         * The configuration found by the default resolution: `KUBECONFIG` / `~/.kube/config` first,
         * then the in-cluster service account. See [load] with overrides.
         *
         * @throws io.kubekt.error.ConfigException when nothing usable is found; the message lists what was tried.
         */
        @JvmStatic
        public fun load(): ClientConfig = load(ConfigOverrides.NONE)

        /**
         * The configuration found by the default resolution with [overrides] applied:
         * 1. `overrides.kubeconfigPaths`, when given (each file must exist);
         * 2. else `KUBECONFIG` / `~/.kube/config` when such a file exists, or when a server is given;
         * 3. else the in-cluster service account ([InClusterConfig]);
         * 4. else a [io.kubekt.error.ConfigException] saying what was tried.
         *
         * Kubeconfig comes before in-cluster, as in kubectl and kube-rs; see `docs/decisions/config-resolution.md`.
         */
        @JvmStatic
        public fun load(overrides: ConfigOverrides): ClientConfig = ConfigResolution.SYSTEM.resolve(overrides)
    }
}

/** Builds a [ClientConfig] with a builder block. */
@JvmSynthetic
public fun ClientConfig(block: ClientConfig.Builder.() -> Unit): ClientConfig = ClientConfig.Builder().apply(block).build()
