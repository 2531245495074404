package io.kubekt.config

import io.kubekt.error.ConfigException
import org.slf4j.LoggerFactory
import java.nio.file.Path

/**
 * The default order in which [ClientConfig.load] looks for a configuration (kubeconfig first, as
 * kubectl and kube-rs do; see `docs/decisions/config-resolution.md`):
 *
 * 1. explicit kubeconfig paths in the overrides: those files, each of which must exist;
 * 2. `KUBECONFIG` / `~/.kube/config` when such a file exists and defines something, or when the
 *    overrides name a server (then with no file at all the result talks to that server alone);
 * 3. the in-cluster service account;
 * 4. otherwise a [ConfigException] listing what was tried.
 */
internal class ConfigResolution(private val env: HostEnvironment, private val serviceAccountDir: Path) {

    fun resolve(overrides: ConfigOverrides): ClientConfig {
        if (overrides.kubeconfigPaths.isNotEmpty()) {
            return KubeconfigLoader.load(overrides.kubeconfigPaths).toClientConfig(overrides)
        }
        val kubeconfig = KubeconfigLoader.fromEnvironment(env)
        if (!kubeconfig.isEmpty || overrides.server != null) {
            log.debug("Using kubeconfig {}", kubeconfig.files)
            return kubeconfig.toClientConfig(overrides)
        }
        val notInCluster = InClusterConfig.unavailableReason(env, serviceAccountDir)
        if (notInCluster == null) {
            val named = listOfNotNull(
                overrides.context?.let { "context \"$it\"" },
                overrides.cluster?.let { "cluster \"$it\"" },
                overrides.user?.let { "user \"$it\"" },
            )
            if (named.isNotEmpty()) {
                throw ConfigException(
                    "${named.joinToString(" and ")} requested, but no kubeconfig defines it " +
                        "(looked at ${KubeconfigLoader.describeSearch(env)}); in-cluster configuration has no contexts",
                )
            }
            log.debug("No kubeconfig found; using the in-cluster service account")
            return InClusterConfig.load(env, serviceAccountDir, overrides.namespace)
        }
        val kubeconfigTried = if (kubeconfig.files.isEmpty()) {
            KubeconfigLoader.describeSearch(env)
        } else {
            "${kubeconfig.describeFiles()} (empty)"
        }
        throw ConfigException(
            "no Kubernetes configuration found. Tried: kubeconfig at $kubeconfigTried; " +
                "in-cluster: $notInCluster. Set $KUBECONFIG_HINT, or build a ClientConfig by hand",
        )
    }

    companion object {
        private val log = LoggerFactory.getLogger(ConfigResolution::class.java)
        private const val KUBECONFIG_HINT = "KUBECONFIG, pass kubeconfig paths in ConfigOverrides"

        /** The real environment and service-account mount. */
        val SYSTEM: ConfigResolution by lazy {
            ConfigResolution(HostEnvironment.SYSTEM, Path.of(InClusterConfig.SERVICE_ACCOUNT_DIR))
        }
    }
}
