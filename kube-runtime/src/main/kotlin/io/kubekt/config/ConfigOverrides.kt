package io.kubekt.config

import java.nio.file.Path

/**
 * What the caller sets over the kubeconfig, as kubectl's flags do: which files, which context, and
 * per-field overrides. Empty means "as the kubeconfig says". From Java, start at [NONE] and chain
 * the `with*` methods: `ConfigOverrides.NONE.withContext("dev").withNamespace("tests")`.
 */
public data class ConfigOverrides(
    /** Kubeconfig files to read instead of `KUBECONFIG` / `~/.kube/config` (kubectl `--kubeconfig`). */
    val kubeconfigPaths: List<Path> = emptyList(),
    /** The context to use instead of `current-context` (`--context`). */
    val context: String? = null,
    /** The cluster entry to use instead of the context's (`--cluster`). */
    val cluster: String? = null,
    /** The user entry to use instead of the context's (`--user`). */
    val user: String? = null,
    /** The namespace to use instead of the context's (`--namespace`). */
    val namespace: String? = null,
    /** The server URL to use instead of the cluster's (`--server`; client-go's masterUrl). */
    val server: String? = null,
) {
    /** A copy reading [paths] instead of `KUBECONFIG` / `~/.kube/config`. */
    public fun withKubeconfig(vararg paths: Path): ConfigOverrides = copy(kubeconfigPaths = paths.toList())

    /** A copy using [context] instead of `current-context`. */
    public fun withContext(context: String?): ConfigOverrides = copy(context = context)

    /** A copy using the cluster entry [cluster] instead of the context's. */
    public fun withCluster(cluster: String?): ConfigOverrides = copy(cluster = cluster)

    /** A copy using the user entry [user] instead of the context's. */
    public fun withUser(user: String?): ConfigOverrides = copy(user = user)

    /** A copy using [namespace] instead of the context's. */
    public fun withNamespace(namespace: String?): ConfigOverrides = copy(namespace = namespace)

    /** A copy using [server] instead of the cluster's URL. */
    public fun withServer(server: String?): ConfigOverrides = copy(server = server)

    public companion object {
        /** No overrides. */
        @JvmField
        public val NONE: ConfigOverrides = ConfigOverrides()
    }
}
