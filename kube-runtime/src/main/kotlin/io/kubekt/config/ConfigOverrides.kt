package io.kubekt.config

import java.nio.file.Path

/**
 * What the caller sets over the kubeconfig, as kubectl's flags do: which files, which context, and
 * per-field overrides. Empty means "as the kubeconfig says".
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
    public companion object {
        /** No overrides. */
        @JvmField
        public val NONE: ConfigOverrides = ConfigOverrides()
    }
}
