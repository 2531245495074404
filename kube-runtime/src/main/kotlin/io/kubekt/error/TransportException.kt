package io.kubekt.error

/**
 * The request got no usable answer: the connection was refused or reset, the host is unknown, the
 * proxy failed, or a timeout fired ([isTimeout]).
 */
public class TransportException(
    message: String,
    cause: Throwable? = null,
    /** True when a connect or request timeout ended the request. */
    public val isTimeout: Boolean = false,
) : KubeException(message, cause)
