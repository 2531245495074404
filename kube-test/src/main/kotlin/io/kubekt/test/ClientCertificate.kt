package io.kubekt.test

/**
 * A client certificate and its private key, both PEM, issued by a [KubeTestServer]'s CA.
 * [toString] never shows the key.
 */
public class ClientCertificate internal constructor(
    public val user: String,
    public val groups: List<String>,
    public val certificatePem: String,
    public val privateKeyPem: String,
) {
    override fun toString(): String = "ClientCertificate(user=$user, groups=$groups)"
}
