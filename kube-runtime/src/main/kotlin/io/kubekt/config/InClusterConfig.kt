package io.kubekt.config

import io.kubekt.error.ConfigException
import org.slf4j.LoggerFactory
import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path

/**
 * The configuration of a program running in a pod: the API server from `KUBERNETES_SERVICE_HOST`
 * and `KUBERNETES_SERVICE_PORT`, and the pod's service account from [SERVICE_ACCOUNT_DIR].
 *
 * The token is a [Credentials.TokenFile], re-read by the client, so rotated (projected) tokens keep
 * working. The CA is `ca.crt` as a file; when it is missing the JVM's trust store is used, as in
 * client-go. The namespace is `POD_NAMESPACE` if set, else the `namespace` file, else `default`.
 */
public object InClusterConfig {
    /** Where Kubernetes mounts the service account token, CA and namespace. */
    public const val SERVICE_ACCOUNT_DIR: String = "/var/run/secrets/kubernetes.io/serviceaccount"

    private val log = LoggerFactory.getLogger(InClusterConfig::class.java)

    /** True when this process looks like it runs in a pod: the service env vars and the token file exist. */
    @JvmStatic
    public fun isAvailable(): Boolean = unavailableReason(HostEnvironment.SYSTEM, Path.of(SERVICE_ACCOUNT_DIR)) == null

    /**
     * The in-cluster configuration.
     *
     * @throws ConfigException when not running in a cluster; the message says what is missing.
     */
    @JvmStatic
    public fun load(): ClientConfig = load(HostEnvironment.SYSTEM, Path.of(SERVICE_ACCOUNT_DIR), null)

    /** What is missing for an in-cluster configuration, or null when nothing is. */
    internal fun unavailableReason(env: HostEnvironment, mount: Path): String? {
        val missing = listOfNotNull(
            "KUBERNETES_SERVICE_HOST is not set".takeIf { env[HOST] == null },
            "KUBERNETES_SERVICE_PORT is not set".takeIf { env[PORT] == null },
            "the service account token ${mount.resolve(TOKEN)} does not exist".takeIf { !Files.isRegularFile(mount.resolve(TOKEN)) },
        )
        return missing.takeIf { it.isNotEmpty() }?.joinToString(", ")
    }

    internal fun load(env: HostEnvironment, mount: Path, namespaceOverride: String?): ClientConfig {
        unavailableReason(env, mount)?.let { throw ConfigException("not running in a Kubernetes cluster: $it") }
        val host = env[HOST]!!.trim()
        val port = env[PORT]!!.trim()
        if (port.toIntOrNull()?.takeIf { it in 1..65535 } == null) {
            throw ConfigException("KUBERNETES_SERVICE_PORT is \"$port\", which is not a port number")
        }
        val bracketed = if (':' in host && !host.startsWith("[")) "[$host]" else host
        val ca = mount.resolve(CA)
        val tls = if (Files.isRegularFile(ca)) {
            TlsConfig(certificateAuthority = PemSource.File(ca))
        } else {
            log.warn("In-cluster CA {} does not exist; trusting the JVM's default trust store", ca)
            TlsConfig.DEFAULT
        }
        return ClientConfig.builder()
            .server(ServerUrl.normalize("https://$bracketed:$port", "KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT"))
            .namespace(namespaceOverride ?: env[POD_NAMESPACE]?.trim() ?: namespaceFile(mount) ?: "default")
            .tls(tls)
            .credentials(Credentials.TokenFile(mount.resolve(TOKEN)))
            .source("in-cluster service account ($mount)")
            .build()
    }

    private fun namespaceFile(mount: Path): String? {
        val file = mount.resolve(NAMESPACE)
        if (!Files.isRegularFile(file)) return null
        return try {
            Files.readString(file).trim().takeIf { it.isNotEmpty() }
        } catch (e: IOException) {
            throw ConfigException("cannot read the in-cluster namespace file $file: ${e.javaClass.simpleName}", e)
        }
    }

    private const val HOST = "KUBERNETES_SERVICE_HOST"
    private const val PORT = "KUBERNETES_SERVICE_PORT"
    private const val POD_NAMESPACE = "POD_NAMESPACE"
    private const val TOKEN = "token"
    private const val CA = "ca.crt"
    private const val NAMESPACE = "namespace"
}
