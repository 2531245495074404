package io.kubekt.config

import io.kubekt.error.ConfigException
import org.slf4j.LoggerFactory

/**
 * Picks a context, its cluster and its user from a [Kubeconfig] with [overrides] applied, as
 * kubectl's flags do, and builds the [ClientConfig].
 *
 * The context is `overrides.context`, else `current-context`. It may be absent only when the
 * overrides name a server or a cluster (client-go's master-URL case). Cluster and user overrides
 * replace the context's whole entry; a server override replaces only the cluster's URL.
 */
internal class ContextResolution(private val kubeconfig: Kubeconfig, private val overrides: ConfigOverrides) {

    fun clientConfig(): ClientConfig {
        val context = context()
        val cluster = entry("cluster", overrides.cluster, context?.cluster, context, kubeconfig.clusters)
        val user = entry("user", overrides.user, context?.user, context, kubeconfig.users)
        val clusterWhere = cluster?.let { "cluster \"${it.name}\" in ${it.source}" }
        if (cluster == null && overrides.server == null) {
            throw ConfigException("${describe(context)} names no cluster; add one to the context or give a cluster or server override")
        }
        val server = if (overrides.server != null) {
            ServerUrl.normalize(overrides.server, "the server override")
        } else {
            ServerUrl.normalize(cluster?.server ?: throw ConfigException("$clusterWhere has no server"), clusterWhere!!)
        }
        val namespace = namespace(context)
        val credentials = user?.let { UserCredentials(it, cluster) }
        return ClientConfig.builder()
            .server(server)
            .namespace(namespace)
            .tls(tls(cluster, clusterWhere, credentials))
            .credentials(credentials?.credentials() ?: Credentials.None)
            .impersonation(credentials?.impersonation())
            .proxyUrl(cluster?.proxyUrl?.let { ServerUrl.checkProxy(it, clusterWhere!!) })
            .contextName(context?.name)
            .source(source(context, cluster, server))
            .build()
    }

    private fun context(): KubeconfigContext? {
        val name = overrides.context ?: kubeconfig.currentContext
        if (name == null) {
            if (overrides.server != null || overrides.cluster != null) return null
            throw ConfigException(
                if (kubeconfig.files.isEmpty()) {
                    "no kubeconfig file was read, so there is no context to use; give kubeconfig paths or a server"
                } else {
                    "no current-context is set in ${kubeconfig.describeFiles()} and no context was given; " +
                        "${available("contexts", kubeconfig.contexts.keys)}; pick one with ConfigOverrides(context = ...)"
                },
            )
        }
        return kubeconfig.contexts[name] ?: throw ConfigException(
            "${if (overrides.context != null) "context \"$name\"" else "current-context \"$name\""} " +
                "is not defined in ${kubeconfig.describeFiles()}; ${available("contexts", kubeconfig.contexts.keys)}",
        )
    }

    /** The entry [override] or [fromContext] names, or null when neither names one. */
    private fun <T> entry(
        kind: String,
        override: String?,
        fromContext: String?,
        context: KubeconfigContext?,
        entries: Map<String, T>,
    ): T? {
        val name = override ?: fromContext ?: return null
        return entries[name] ?: throw ConfigException(
            "$kind \"$name\" ${if (override != null) "(given as an override)" else "(named by ${describe(context)})"} " +
                "is not defined in ${kubeconfig.describeFiles()}; ${available("${kind}s", entries.keys)}",
        )
    }

    private fun namespace(context: KubeconfigContext?): String {
        val (value, from) = when {
            overrides.namespace != null -> overrides.namespace to "the namespace override"
            context?.namespace != null -> context.namespace to "the namespace of ${describe(context)}"
            else -> return DEFAULT_NAMESPACE
        }
        if (value.length > 63 || !DNS_LABEL.matches(value)) {
            throw ConfigException("$from is \"$value\", which is not a valid namespace name (lowercase letters, digits and '-', at most 63)")
        }
        return value
    }

    private fun tls(cluster: KubeconfigCluster?, where: String?, user: UserCredentials?): TlsConfig {
        val ca = cluster?.let { c ->
            if (c.certificateAuthorityData != null && c.certificateAuthority != null) {
                log.warn("{} sets both certificate-authority and certificate-authority-data; the data is used", where)
            }
            c.certificateAuthorityData ?: c.certificateAuthority?.let {
                PemSource.File(UserCredentials.requireFile(it, "certificate-authority", where!!))
            }
        }
        val insecure = cluster?.insecureSkipTlsVerify ?: false
        if (insecure && ca != null) {
            throw ConfigException("$where sets insecure-skip-tls-verify together with a certificate authority; choose one")
        }
        val certAndKey = user?.clientCertificateAndKey()
        return TlsConfig(ca, insecure, cluster?.tlsServerName, certAndKey?.first, certAndKey?.second)
    }

    private fun source(context: KubeconfigContext?, cluster: KubeconfigCluster?, server: String): String = when {
        context != null -> "context \"${context.name}\" in ${context.source}"
        cluster != null -> "cluster \"${cluster.name}\" in ${cluster.source} (no context)"
        else -> "server $server given as an override"
    }

    private fun describe(context: KubeconfigContext?) =
        context?.let { "context \"${it.name}\" in ${it.source}" } ?: "the overrides"

    private fun available(what: String, names: Collection<String>) =
        if (names.isEmpty()) "no $what are defined" else "available $what: ${names.sorted().joinToString(", ") { "\"$it\"" }}"

    private companion object {
        const val DEFAULT_NAMESPACE = "default"
        val DNS_LABEL = Regex("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
        val log = LoggerFactory.getLogger(ContextResolution::class.java)
    }
}
