package io.kubekt.error

/** The TLS handshake failed or TLS material (CA, client certificate, key) could not be used. */
public class TlsException(message: String, cause: Throwable? = null) : KubeException(message, cause)
