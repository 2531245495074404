package io.kubekt.error

/**
 * The root of every error kubekt throws. Unchecked, and sealed: an error is exactly one of
 * [ApiException] (the server answered with an error Status), [TransportException] (no usable
 * answer: connection, timeout), [TlsException], [DecodeException], [ConfigException] or
 * [AuthException].
 *
 * Messages say what failed and where (server, path, file, context); they never contain a token,
 * password, private key or certificate.
 */
public sealed class KubeException(message: String, cause: Throwable? = null) : RuntimeException(message, cause)
