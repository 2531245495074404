package io.kubekt.config

/**
 * A kubeconfig `user.exec` section as written; converted to an [ExecConfig] (with validation and
 * defaults) when the user is picked. A [command] containing a path separator is already resolved
 * against the kubeconfig's folder.
 *
 * `toString` shows only the names of [env]: the values often carry secrets.
 */
public class KubeconfigExec internal constructor(
    /** `command`. */
    public val command: String?,
    /** `args`. */
    public val args: List<String>,
    /** `env`, name to value, in file order. */
    public val env: Map<String, String>,
    /** `apiVersion`, e.g. `client.authentication.k8s.io/v1`. */
    public val apiVersion: String?,
    /** `installHint`. */
    public val installHint: String?,
    /** `provideClusterInfo`. */
    public val provideClusterInfo: Boolean,
    /** `interactiveMode`: `Never`, `IfAvailable` or `Always`, if set. */
    public val interactiveMode: String?,
) {
    override fun toString(): String =
        "KubeconfigExec(command=$command, args=<${args.size} args>, env=${env.keys}, apiVersion=$apiVersion, " +
            "provideClusterInfo=$provideClusterInfo, interactiveMode=$interactiveMode)"
}
