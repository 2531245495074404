package io.kubekt.config

import java.nio.file.Path

/**
 * An exec credential plugin as a kubeconfig `user.exec` describes it
 * (client.authentication.k8s.io v1 or v1beta1).
 *
 * `toString` hides the values of [env] and [args], which often carry secrets.
 */
public data class ExecConfig(
    val command: String,
    val args: List<String> = emptyList(),
    val env: Map<String, String> = emptyMap(),
    /** `client.authentication.k8s.io/v1` or `client.authentication.k8s.io/v1beta1`. */
    val apiVersion: String,
    val installHint: String? = null,
    /** Pass the cluster's server, CA and `extensions.client.authentication.k8s.io/exec` to the plugin. */
    val provideClusterInfo: Boolean = false,
    /** `Never`, `IfAvailable` or `Always`; v1 requires it, v1beta1 defaults to `IfAvailable`. */
    val interactiveMode: String = "IfAvailable",
    /** The folder relative commands resolve against: the folder of the kubeconfig that named them. */
    val workingDirectory: Path? = null,
    /** The cluster's `extensions` entry named `client.authentication.k8s.io/exec`, as JSON, if any. */
    val clusterConfigJson: String? = null,
) {
    override fun toString(): String =
        "ExecConfig(command=$command, args=<${args.size} args>, env=${env.keys}, apiVersion=$apiVersion, " +
            "provideClusterInfo=$provideClusterInfo, interactiveMode=$interactiveMode)"
}
