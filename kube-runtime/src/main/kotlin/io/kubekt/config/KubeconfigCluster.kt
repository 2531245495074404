package io.kubekt.config

import kotlinx.serialization.json.JsonElement
import java.nio.file.Path

/**
 * One `clusters` entry of a kubeconfig, as written (relative paths already resolved against the
 * folder of [source], `*-data` already base64-decoded).
 *
 * `toString` hides any user-info or query in [server] and [proxyUrl].
 */
public class KubeconfigCluster internal constructor(
    /** The entry's name. */
    public val name: String,
    /** `server`: the API server URL, as written. */
    public val server: String?,
    /** `certificate-authority`: a CA file. */
    public val certificateAuthority: Path?,
    /** `certificate-authority-data`: CA PEM given inline; wins over [certificateAuthority]. */
    public val certificateAuthorityData: PemSource.Data?,
    /** `insecure-skip-tls-verify`. */
    public val insecureSkipTlsVerify: Boolean,
    /** `tls-server-name`. */
    public val tlsServerName: String?,
    /** `proxy-url`. */
    public val proxyUrl: String?,
    /** `disable-compression`. */
    public val disableCompression: Boolean,
    /** `extensions`, by name, as JSON (e.g. `client.authentication.k8s.io/exec` for exec plugins). */
    public val extensions: Map<String, JsonElement>,
    /** The kubeconfig file this entry came from. */
    public val source: Path,
) {
    override fun toString(): String =
        "KubeconfigCluster(name=$name, server=${server?.let(ServerUrl::redact)}, certificateAuthority=$certificateAuthority, " +
            "certificateAuthorityData=$certificateAuthorityData, insecureSkipTlsVerify=$insecureSkipTlsVerify, " +
            "tlsServerName=$tlsServerName, proxyUrl=${proxyUrl?.let(ServerUrl::redact)}, extensions=${extensions.keys}, " +
            "source=$source)"
}
