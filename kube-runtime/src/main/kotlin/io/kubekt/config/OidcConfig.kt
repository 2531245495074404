package io.kubekt.config

/**
 * The kubeconfig `auth-provider: oidc` settings. The id-token is used until it expires; with
 * [issuerUrl] and [refreshToken] set it is then refreshed at the issuer's token endpoint.
 *
 * `toString` hides the tokens and the client secret.
 */
public class OidcConfig(
    public val idToken: String?,
    public val refreshToken: String? = null,
    public val issuerUrl: String? = null,
    public val clientId: String? = null,
    public val clientSecret: String? = null,
    /** CA for the issuer, if it is not trusted by default. */
    public val issuerCertificateAuthority: PemSource? = null,
) {
    override fun equals(other: Any?): Boolean = other is OidcConfig && other.idToken == idToken &&
        other.refreshToken == refreshToken && other.issuerUrl == issuerUrl && other.clientId == clientId &&
        other.clientSecret == clientSecret && other.issuerCertificateAuthority == issuerCertificateAuthority

    override fun hashCode(): Int = listOf(idToken, refreshToken, issuerUrl, clientId, clientSecret).hashCode()

    override fun toString(): String =
        "OidcConfig(issuerUrl=$issuerUrl, clientId=$clientId, idToken=<redacted>, refreshToken=<redacted>)"
}
