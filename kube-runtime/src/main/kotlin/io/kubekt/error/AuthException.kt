package io.kubekt.error

/**
 * Credentials could not be obtained: an exec plugin is missing or failed, an OIDC refresh failed,
 * a token file cannot be read. (A 401 from the server is an [ApiException] with `isUnauthorized`.)
 */
public class AuthException(message: String, cause: Throwable? = null) : KubeException(message, cause)
