package io.kubekt.config

/**
 * A kubeconfig `user.auth-provider`: its [name] (`oidc` is the one still supported; `gcp` and
 * `azure` were removed from client-go in favour of exec plugins) and its free-form [config].
 *
 * `toString` shows only the config keys: the values hold tokens and client secrets.
 */
public class KubeconfigAuthProvider internal constructor(
    /** The provider name, e.g. `oidc`. */
    public val name: String,
    /** The provider's settings, e.g. `id-token`, `idp-issuer-url`. */
    public val config: Map<String, String>,
) {
    override fun toString(): String = "KubeconfigAuthProvider(name=$name, config keys=${config.keys})"
}
