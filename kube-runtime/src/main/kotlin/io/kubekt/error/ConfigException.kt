package io.kubekt.error

/**
 * The configuration is unusable: a malformed kubeconfig, an unknown context, a missing file, no
 * configuration found at all. The message names the file and the entry.
 */
public class ConfigException(message: String, cause: Throwable? = null) : KubeException(message, cause)
