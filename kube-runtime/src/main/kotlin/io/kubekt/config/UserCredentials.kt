package io.kubekt.config

import io.kubekt.error.ConfigException
import org.slf4j.LoggerFactory
import java.nio.file.Files
import java.nio.file.InvalidPathException
import java.nio.file.Path
import java.util.Base64

/**
 * Turns a kubeconfig user into [Credentials], a client certificate and an [Impersonation], with
 * client-go's precedence (see `docs/decisions/config-resolution.md`):
 *
 * 1. a bearer token: `tokenFile` (re-read, so it wins over `token` as in client-go), then `token`;
 * 2. basic auth (`username`/`password`) — setting it together with a token is an error;
 * 3. the exec plugin or the oidc auth-provider — setting both is an error.
 *
 * A token or basic auth makes client-go skip the exec plugin and the auth-provider; kubekt does the
 * same. A client certificate is independent of all of these.
 */
internal class UserCredentials(private val user: KubeconfigUser, private val cluster: KubeconfigCluster?) {
    private val where = "user \"${user.name}\" in ${user.source}"

    fun credentials(): Credentials {
        val provider = user.authProvider
        if (provider != null && provider.name != OIDC) throw removedProvider(provider.name)
        if (user.exec != null && provider != null) {
            throw ConfigException("$where sets both exec and auth-provider; only one is allowed")
        }
        val hasBearer = user.token != null || user.tokenFile != null
        val hasBasic = user.username != null || user.password != null
        if (hasBearer && hasBasic) {
            throw ConfigException("$where sets both a token and a username/password; only one authentication method is allowed")
        }
        if ((hasBearer || hasBasic) && (user.exec != null || provider != null)) {
            log.debug("{}: the token or basic auth takes precedence; its exec plugin / auth-provider is not used", where)
        }
        return when {
            user.tokenFile != null -> Credentials.TokenFile(requireFile(user.tokenFile, "tokenFile", where))
            user.token != null -> Credentials.Token(user.token)
            hasBasic -> Credentials.Basic(user.username.orEmpty(), user.password.orEmpty())
            user.exec != null -> Credentials.Exec(exec(user.exec))
            provider != null -> Credentials.Oidc(oidc(provider.config))
            else -> Credentials.None
        }
    }

    fun impersonation(): Impersonation? {
        val target = user.impersonate
        if (target == null) {
            if (user.impersonateUid != null || user.impersonateGroups.isNotEmpty() || user.impersonateUserExtra.isNotEmpty()) {
                throw ConfigException("$where sets as-uid, as-groups or as-user-extra without \"as\"; name the user to impersonate")
            }
            return null
        }
        return Impersonation(target, user.impersonateUid, user.impersonateGroups, user.impersonateUserExtra)
    }

    /** The client certificate and key; `*-data` wins over the file. Both or neither must be set. */
    fun clientCertificateAndKey(): Pair<PemSource, PemSource>? {
        val cert = pem(user.clientCertificateData, user.clientCertificate, "client-certificate")
        val key = pem(user.clientKeyData, user.clientKey, "client-key")
        if ((cert == null) != (key == null)) {
            val (has, lacks) = if (cert != null) "client-certificate" to "client-key" else "client-key" to "client-certificate"
            throw ConfigException("$where sets $has but no $lacks (or $lacks-data); both are needed for certificate authentication")
        }
        return if (cert != null && key != null) cert to key else null
    }

    private fun pem(data: PemSource.Data?, file: Path?, field: String): PemSource? {
        if (data != null && file != null) log.warn("{} sets both {} and {}-data; the data is used", where, field, field)
        return data ?: file?.let { PemSource.File(requireFile(it, field, where)) }
    }

    private fun exec(e: KubeconfigExec): ExecConfig {
        val at = "the exec plugin of $where"
        val command = e.command ?: throw ConfigException("$at has no command")
        val apiVersion = e.apiVersion
            ?: throw ConfigException("$at has no apiVersion; set $EXEC_V1 (or $EXEC_V1BETA1)")
        if (apiVersion != EXEC_V1 && apiVersion != EXEC_V1BETA1) {
            throw ConfigException("$at has apiVersion \"$apiVersion\"; supported are $EXEC_V1 and $EXEC_V1BETA1")
        }
        val mode = e.interactiveMode
            ?: if (apiVersion == EXEC_V1) {
                throw ConfigException("$at needs interactiveMode (Never, IfAvailable or Always) with apiVersion $EXEC_V1")
            } else {
                "IfAvailable"
            }
        if (mode !in INTERACTIVE_MODES) {
            throw ConfigException("$at has interactiveMode \"$mode\"; use Never, IfAvailable or Always")
        }
        return ExecConfig(
            command = command,
            args = e.args,
            env = e.env,
            apiVersion = apiVersion,
            installHint = e.installHint,
            provideClusterInfo = e.provideClusterInfo,
            interactiveMode = mode,
            workingDirectory = user.source.toAbsolutePath().parent,
            clusterConfigJson = cluster?.extensions?.get(EXEC_EXTENSION)?.toString(),
        )
    }

    private fun oidc(config: Map<String, String>): OidcConfig {
        val at = "the oidc auth-provider of $where"
        fun value(key: String) = config[key]?.takeIf { it.isNotEmpty() }
        val idToken = value("id-token")
        val refreshToken = value("refresh-token")
        val issuer = value("idp-issuer-url")
        val clientId = value("client-id")
        if (idToken == null && (refreshToken == null || issuer == null || clientId == null)) {
            throw ConfigException("$at has no id-token and cannot get one: refreshing needs refresh-token, idp-issuer-url and client-id")
        }
        val caData = value("idp-certificate-authority-data")?.let { text ->
            try {
                PemSource.Data(Base64.getDecoder().decode(text.filterNot { it.isWhitespace() }))
            } catch (_: IllegalArgumentException) {
                throw ConfigException("idp-certificate-authority-data of $at is not valid base64")
            }
        }
        val caFile = value("idp-certificate-authority")?.let { text ->
            val path = try {
                Path.of(text)
            } catch (_: InvalidPathException) {
                throw ConfigException("idp-certificate-authority of $at is not a valid file path")
            }
            val resolved = if (path.isAbsolute) path else user.source.toAbsolutePath().parent.resolve(path).normalize()
            PemSource.File(requireFile(resolved, "idp-certificate-authority", at))
        }
        return OidcConfig(idToken, refreshToken, issuer, clientId, value("client-secret"), caData ?: caFile)
    }

    private fun removedProvider(name: String): ConfigException {
        val plugin = when (name) {
            "gcp" -> " (for GKE: gke-gcloud-auth-plugin)"
            "azure" -> " (for AKS: kubelogin)"
            else -> ""
        }
        val removed = if (name == "gcp" || name == "azure") ", which client-go removed in Kubernetes 1.26" else ""
        return ConfigException(
            "$where uses auth-provider \"$name\"$removed; kubekt supports only the \"oidc\" auth-provider. " +
                "Use an exec credential plugin (user.exec) instead$plugin",
        )
    }

    companion object {
        private val log = LoggerFactory.getLogger(UserCredentials::class.java)
        const val OIDC = "oidc"
        const val EXEC_V1 = "client.authentication.k8s.io/v1"
        const val EXEC_V1BETA1 = "client.authentication.k8s.io/v1beta1"
        const val EXEC_EXTENSION = "client.authentication.k8s.io/exec"
        val INTERACTIVE_MODES = setOf("Never", "IfAvailable", "Always")

        /** [path], or a [ConfigException] saying that [field] of [where] names a file that does not exist. */
        fun requireFile(path: Path, field: String, where: String): Path {
            if (!Files.isRegularFile(path)) throw ConfigException("$field of $where names $path, which does not exist or is not a file")
            return path
        }
    }
}
