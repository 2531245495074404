package io.kubekt.config

import java.nio.file.Path

/** One `contexts` entry of a kubeconfig: which cluster, which user, which namespace. */
public class KubeconfigContext internal constructor(
    /** The entry's name. */
    public val name: String,
    /** The name of the `clusters` entry. */
    public val cluster: String?,
    /** The name of the `users` entry; null means anonymous. */
    public val user: String?,
    /** The default namespace, if the context sets one. */
    public val namespace: String?,
    /** The kubeconfig file this entry came from. */
    public val source: Path,
) {
    override fun toString(): String =
        "KubeconfigContext(name=$name, cluster=$cluster, user=$user, namespace=$namespace, source=$source)"
}
