package io.kubekt.config

import io.kubekt.error.ConfigException
import java.nio.file.Path

/**
 * A kubeconfig: one file or several merged with kubectl's rules (the first file to set a
 * `clusters`, `users` or `contexts` entry, or `current-context`, wins). Immutable; made by
 * [KubeconfigLoader].
 *
 * `toString` lists entry names and files, never credentials.
 */
public class Kubeconfig internal constructor(
    /** The files read, in precedence order. Empty when no kubeconfig file was found. */
    public val files: List<Path>,
    /** `clusters`, by name. */
    public val clusters: Map<String, KubeconfigCluster>,
    /** `users`, by name. */
    public val users: Map<String, KubeconfigUser>,
    /** `contexts`, by name. */
    public val contexts: Map<String, KubeconfigContext>,
    /** `current-context`, or null when no file sets it. */
    public val currentContext: String?,
) {
    /**
     * The client configuration for [overrides]' context (or `current-context`), cluster, user and
     * namespace. `overrides.kubeconfigPaths` is ignored here: this kubeconfig is already loaded.
     *
     * With a server override and no context at all, the result talks to that server anonymously
     * (client-go's master-URL case).
     *
     * @throws ConfigException when the context, its cluster or its user is missing, or an entry
     *   is unusable (bad server URL, conflicting credentials, missing files, removed auth providers).
     */
    @JvmOverloads
    public fun toClientConfig(overrides: ConfigOverrides = ConfigOverrides.NONE): ClientConfig =
        ContextResolution(this, overrides).clientConfig()

    /** True when no file set any entry or a current context. */
    internal val isEmpty: Boolean
        get() = clusters.isEmpty() && users.isEmpty() && contexts.isEmpty() && currentContext == null

    /** The files read, for messages: `/a/config, /b/config`, or `no kubeconfig file`. */
    internal fun describeFiles(): String =
        if (files.isEmpty()) "no kubeconfig file" else files.joinToString(", ")

    override fun toString(): String =
        "Kubeconfig(files=$files, currentContext=$currentContext, contexts=${contexts.keys}, " +
            "clusters=${clusters.keys}, users=${users.keys})"

    internal companion object {
        val EMPTY: Kubeconfig = Kubeconfig(emptyList(), emptyMap(), emptyMap(), emptyMap(), null)

        /** Merges with kubectl's rules: for every map entry and for current-context, the first file wins. */
        fun merge(parts: List<Kubeconfig>): Kubeconfig {
            if (parts.size == 1) return parts.single()
            val clusters = LinkedHashMap<String, KubeconfigCluster>()
            val users = LinkedHashMap<String, KubeconfigUser>()
            val contexts = LinkedHashMap<String, KubeconfigContext>()
            for (part in parts) {
                part.clusters.forEach { (name, entry) -> clusters.putIfAbsent(name, entry) }
                part.users.forEach { (name, entry) -> users.putIfAbsent(name, entry) }
                part.contexts.forEach { (name, entry) -> contexts.putIfAbsent(name, entry) }
            }
            val current = parts.firstNotNullOfOrNull { it.currentContext }
            return Kubeconfig(parts.flatMap { it.files }, clusters, users, contexts, current)
        }
    }
}
