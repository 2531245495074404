package io.kubekt.config

import java.nio.file.Path

/**
 * One `users` entry of a kubeconfig (client-go's AuthInfo), as written: relative paths already
 * resolved against the folder of [source], `*-data` already base64-decoded. Which credential is
 * used when several are set is decided when the user is picked (see [Kubeconfig.toClientConfig]).
 *
 * `toString` says which fields are set, never their secret values.
 */
public class KubeconfigUser internal constructor(
    /** The entry's name. */
    public val name: String,
    /** `client-certificate`: a PEM certificate file. */
    public val clientCertificate: Path?,
    /** `client-certificate-data`; wins over [clientCertificate]. */
    public val clientCertificateData: PemSource.Data?,
    /** `client-key`: a PEM private key file. */
    public val clientKey: Path?,
    /** `client-key-data`; wins over [clientKey]. */
    public val clientKeyData: PemSource.Data?,
    /** `token`: a bearer token. */
    public val token: String?,
    /** `tokenFile`: a file holding a bearer token. */
    public val tokenFile: Path?,
    /** `username` for basic authentication. */
    public val username: String?,
    /** `password` for basic authentication. */
    public val password: String?,
    /** `exec`: an exec credential plugin. */
    public val exec: KubeconfigExec?,
    /** `auth-provider`. */
    public val authProvider: KubeconfigAuthProvider?,
    /** `as`: the user to impersonate. */
    public val impersonate: String?,
    /** `as-uid`. */
    public val impersonateUid: String?,
    /** `as-groups`. */
    public val impersonateGroups: List<String>,
    /** `as-user-extra`. */
    public val impersonateUserExtra: Map<String, List<String>>,
    /** The kubeconfig file this entry came from. */
    public val source: Path,
) {
    override fun toString(): String {
        val set = buildList {
            if (token != null) add("token=<redacted>")
            if (tokenFile != null) add("tokenFile=$tokenFile")
            if (username != null) add("username=$username")
            if (password != null) add("password=<redacted>")
            if (clientCertificate != null) add("clientCertificate=$clientCertificate")
            if (clientCertificateData != null) add("clientCertificateData=$clientCertificateData")
            if (clientKey != null) add("clientKey=$clientKey")
            if (clientKeyData != null) add("clientKeyData=<redacted>")
            if (exec != null) add("exec=$exec")
            if (authProvider != null) add("authProvider=$authProvider")
            if (impersonate != null) add("impersonate=$impersonate")
        }
        return "KubeconfigUser(name=$name, ${set.joinToString(", ")}${if (set.isEmpty()) "" else ", "}source=$source)"
    }
}
