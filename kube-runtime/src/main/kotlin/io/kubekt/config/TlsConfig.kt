package io.kubekt.config

/**
 * How the client checks the server and proves itself over TLS.
 *
 * With [certificateAuthority] set, only that CA is trusted; without it, the JVM's default trust
 * store is used. [insecureSkipTlsVerify] turns verification off and is only ever set because a
 * kubeconfig (or the caller) says so explicitly.
 */
public data class TlsConfig(
    val certificateAuthority: PemSource? = null,
    val insecureSkipTlsVerify: Boolean = false,
    /** The name to verify the server certificate against (and send as SNI), if not the URL's host. */
    val serverName: String? = null,
    val clientCertificate: PemSource? = null,
    val clientKey: PemSource? = null,
) {
    public companion object {
        /** Verify against the JVM's default trust store; no client certificate. */
        @JvmField
        public val DEFAULT: TlsConfig = TlsConfig()
    }
}
