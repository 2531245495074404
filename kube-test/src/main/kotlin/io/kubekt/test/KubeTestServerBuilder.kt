package io.kubekt.test

import java.time.Duration

/**
 * Settings of a [KubeTestServer]; [start] starts it. Defaults: HTTPS with HTTP/2, anonymous
 * access allowed, every request authorized, client certificates accepted, 1000 events of watch history, bookmarks every minute.
 */
public class KubeTestServerBuilder internal constructor() {
    internal var https = true
    internal var port = 0
    internal var anonymous = true
    internal var clientCertificates = true
    internal val tokens = LinkedHashMap<String, Pair<String, List<String>>>()
    internal var historySize = 1000
    internal var bookmarkInterval: Duration = Duration.ofMinutes(1)
    internal var resourceVersionWait: Duration = Duration.ofSeconds(3)
    internal val extraTypes = mutableListOf<ResourceType>()
    internal var authorizer: Authorizer = Authorizer.ALLOW_ALL

    /** HTTPS (TLS with ALPN: HTTP/2 and HTTP/1.1) when true, plain HTTP/1.1 when false. */
    public fun https(enabled: Boolean): KubeTestServerBuilder = apply { https = enabled }

    /** A fixed port on 127.0.0.1; 0 (the default) picks a free one. */
    public fun port(value: Int): KubeTestServerBuilder = apply { port = value }

    /** Whether requests without credentials are served as `system:anonymous` (else 401). */
    public fun allowAnonymous(enabled: Boolean): KubeTestServerBuilder = apply { anonymous = enabled }

    /** Whether client certificates signed by the server's CA authenticate (CN = user, O = groups). */
    public fun clientCertificates(enabled: Boolean): KubeTestServerBuilder = apply { clientCertificates = enabled }

    /** Accepts bearer [token] as [user] in [groups]; any other bearer token gets 401. */
    public fun token(token: String, user: String, vararg groups: String): KubeTestServerBuilder = apply {
        require(token.isNotBlank()) { "token must not be blank" }
        tokens[token] = user to groups.toList()
    }

    /**
     * Decides which authenticated requests are allowed; the others get 403 Forbidden. By default
     * every request is allowed (as for `system:masters`).
     */
    public fun authorize(authorizer: Authorizer): KubeTestServerBuilder = apply { this.authorizer = authorizer }

    /** How many events the watch history keeps; watches and lists from older resourceVersions get 410. */
    public fun watchHistorySize(events: Int): KubeTestServerBuilder = apply {
        require(events > 0) { "watch history size must be positive, was $events" }
        historySize = events
    }

    /** How often watches with `allowWatchBookmarks=true` get a BOOKMARK when idle. */
    public fun bookmarkInterval(interval: Duration): KubeTestServerBuilder = apply {
        require(!interval.isNegative && !interval.isZero) { "bookmark interval must be positive, was $interval" }
        bookmarkInterval = interval
    }

    /** How long a read at a future resourceVersion waits before "Too large resource version" (a real server waits 3 s). */
    public fun resourceVersionWait(wait: Duration): KubeTestServerBuilder = apply { resourceVersionWait = wait }

    /** Serves [type] in addition to the built-in resources. */
    public fun resource(type: ResourceType): KubeTestServerBuilder = apply { extraTypes += type }

    /** Starts the server; close it with [KubeTestServer.close]. */
    public fun start(): KubeTestServer = KubeTestServer(this)
}
