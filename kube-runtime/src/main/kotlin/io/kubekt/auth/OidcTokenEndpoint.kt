package io.kubekt.auth

import io.kubekt.config.PemSource
import io.kubekt.error.AuthException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runInterruptible
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import java.io.IOException
import java.net.HttpURLConnection
import java.net.URI
import java.net.URLEncoder
import java.security.KeyStore
import javax.net.ssl.HttpsURLConnection
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory

/** Tokens from a refresh: a new id-token, and a new refresh token when the issuer rotates them. */
internal class OidcTokens(val idToken: String, val refreshToken: String?) {
    override fun toString(): String = "OidcTokens(<redacted>)"
}

/**
 * Talks to an OpenID Connect issuer: discovers its `token_endpoint` from
 * `{issuer}/.well-known/openid-configuration` (once) and trades a refresh token for new tokens.
 *
 * Uses the JDK's `HttpURLConnection` on [Dispatchers.IO], one short exchange per call with
 * connect/read timeouts of [timeoutMillis] and no connection kept afterwards — so it starts no
 * threads of its own. With [certificateAuthority] only that CA is trusted for the issuer.
 */
internal class OidcTokenEndpoint(
    private val issuerUrl: String,
    private val clientId: String,
    private val clientSecret: String?,
    private val certificateAuthority: PemSource?,
    private val timeoutMillis: Int = 30_000,
) {
    private val sslContext: SSLContext? by lazy { certificateAuthority?.let(::trusting) }

    @Volatile private var tokenEndpoint: String? = null

    /** New tokens for [refreshToken]; an [AuthException] names the URL and the OAuth error code. */
    suspend fun refresh(refreshToken: String): OidcTokens = runInterruptible(Dispatchers.IO) {
        val endpoint = tokenEndpoint ?: discover().also { tokenEndpoint = it }
        val form = listOfNotNull(
            "grant_type" to "refresh_token", "refresh_token" to refreshToken, "client_id" to clientId,
            clientSecret?.let { "client_secret" to it },
        ).joinToString("&") { (k, v) -> "$k=" + URLEncoder.encode(v, Charsets.UTF_8) }
        val (code, body) = exchange(endpoint, form)
        if (code != HttpURLConnection.HTTP_OK) {
            val error = body?.string("error")?.let { SecretRedaction.redact(it) }
            val description = body?.string("error_description")?.let { " (" + SecretRedaction.redact(it) + ")" }.orEmpty()
            throw AuthException("The OIDC token refresh at $endpoint failed with HTTP $code: ${error ?: "no OAuth error code"}$description")
        }
        val idToken = body?.string("id_token")?.ifEmpty { null }
            ?: throw AuthException("The OIDC token endpoint $endpoint answered without an id_token")
        OidcTokens(idToken, body.string("refresh_token")?.ifEmpty { null })
    }

    override fun toString(): String = "OidcTokenEndpoint(issuer=$issuerUrl, clientId=$clientId)"

    private fun discover(): String {
        val url = issuerUrl.trimEnd('/') + "/.well-known/openid-configuration"
        val (code, body) = exchange(url, null)
        if (code != HttpURLConnection.HTTP_OK) throw AuthException("OIDC discovery at $url failed with HTTP $code")
        return body?.string("token_endpoint")?.ifEmpty { null }
            ?: throw AuthException("OIDC discovery at $url returned no token_endpoint")
    }

    /** GET (or POST [form]) [url]; the status code and the JSON object body, if the body is one. */
    private fun exchange(url: String, form: String?): Pair<Int, JsonObject?> {
        val connection = try {
            URI(url).toURL().openConnection() as HttpURLConnection
        } catch (e: Exception) {
            throw AuthException("The OIDC URL $url is not a valid http(s) URL", e)
        }
        try {
            connection.connectTimeout = timeoutMillis
            connection.readTimeout = timeoutMillis
            connection.useCaches = false
            connection.setRequestProperty("Accept", "application/json")
            sslContext?.let { (connection as? HttpsURLConnection)?.sslSocketFactory = it.socketFactory }
            if (form != null) {
                connection.requestMethod = "POST"
                connection.doOutput = true
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded")
                connection.outputStream.use { it.write(form.toByteArray(Charsets.UTF_8)) }
            }
            val code = connection.responseCode
            val stream = if (code in 200..299) connection.inputStream else connection.errorStream
            val text = stream?.use { it.readNBytes(MAX_BODY).toString(Charsets.UTF_8) }
            return code to text?.let(::jsonObject)
        } catch (e: IOException) {
            throw AuthException("The OIDC request to $url failed: ${e.javaClass.simpleName}: ${e.message}", e)
        } finally {
            connection.disconnect()
        }
    }

    private fun jsonObject(text: String): JsonObject? = try {
        Json.parseToJsonElement(text) as? JsonObject
    } catch (e: SerializationException) {
        null
    }

    private fun JsonObject.string(name: String): String? = (this[name] as? JsonPrimitive)?.contentOrNull

    private fun trusting(ca: PemSource): SSLContext {
        val store = KeyStore.getInstance(KeyStore.getDefaultType()).apply { load(null, null) }
        PemReader.certificates(ca, "idp-certificate-authority").forEachIndexed { i, c -> store.setCertificateEntry("ca-$i", c) }
        val trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(store) }
        return SSLContext.getInstance("TLS").apply { init(null, trust.trustManagers, null) }
    }

    private companion object {
        const val MAX_BODY = 1 shl 20
    }
}
