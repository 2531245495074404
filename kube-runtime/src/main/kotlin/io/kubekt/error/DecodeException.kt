package io.kubekt.error

/** A response body (or a file) could not be decoded into the expected type. */
public class DecodeException(message: String, cause: Throwable? = null) : KubeException(message, cause)
