package io.kubekt.client

import io.kubekt.config.ClientConfig
import io.kubekt.config.ConfigOverrides

/**
 * Resolves the configuration the way [KubeClient] documents (explicit kubeconfig, KUBECONFIG,
 * ~/.kube/config, in-cluster). Temporary seam: the config package provides
 * `ClientConfig.load(overrides)`, and this becomes a call to it when the branches merge.
 */
internal fun loadClientConfig(overrides: ConfigOverrides): ClientConfig =
    TODO("merged later: ClientConfig.load(overrides) from io.kubekt.config")
