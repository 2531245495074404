package io.kubekt.auth

import io.kubekt.config.ClientConfig
import io.kubekt.config.ExecConfig
import io.kubekt.config.PemSource
import io.kubekt.error.AuthException
import io.kubekt.error.ConfigException
import io.kubekt.error.KubeException
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.put
import java.io.IOException
import java.nio.file.Files
import java.time.OffsetDateTime
import java.time.format.DateTimeParseException
import java.util.Base64

/**
 * The `ExecCredential` JSON exchanged with exec plugins (client.authentication.k8s.io v1 and
 * v1beta1): the `KUBERNETES_EXEC_INFO` input and the plugin's output.
 *
 * Parse errors are written here, without the underlying parser message, because that message
 * quotes the input and the input holds the credential.
 */
internal object ExecCredentialJson {
    const val KIND: String = "ExecCredential"

    /** `KUBERNETES_EXEC_INFO`: apiVersion, kind, `spec.interactive` and, when given, `spec.cluster`. */
    fun execInfo(apiVersion: String, interactive: Boolean, cluster: JsonObject?): String = buildJsonObject {
        put("apiVersion", apiVersion)
        put("kind", KIND)
        put("spec", buildJsonObject {
            if (cluster != null) put("cluster", cluster)
            put("interactive", interactive)
        })
    }.toString()

    /**
     * `spec.cluster` for `provideClusterInfo`: the server, CA bytes (a CA file is read now),
     * `tls-server-name`, `insecure-skip-tls-verify`, `proxy-url` and the cluster's exec extension.
     */
    fun cluster(config: ClientConfig, exec: ExecConfig): JsonObject = buildJsonObject {
        put("server", config.server)
        config.tls.serverName?.let { put("tls-server-name", it) }
        if (config.tls.insecureSkipTlsVerify) put("insecure-skip-tls-verify", true)
        config.tls.certificateAuthority?.let { put("certificate-authority-data", Base64.getEncoder().encodeToString(caBytes(it))) }
        config.proxyUrl?.let { put("proxy-url", it) }
        exec.clusterConfigJson?.let { put("config", extension(it, config)) }
    }

    /** The credential in [stdout]; [plugin] names the command in messages. */
    fun parse(stdout: ByteArray, apiVersion: String, plugin: String): ExecCredential {
        val root = try {
            Json.parseToJsonElement(stdout.toString(Charsets.UTF_8)) as? JsonObject
        } catch (e: SerializationException) {
            null
        } ?: throw AuthException("The exec plugin $plugin did not print an ExecCredential JSON object on stdout")
        val kind = root.string("kind")
        if (kind != KIND) throw AuthException("The exec plugin $plugin printed kind \"$kind\"; expected $KIND")
        val version = root.string("apiVersion")
        if (version != apiVersion) {
            throw AuthException(
                "The exec plugin $plugin answered with apiVersion \"$version\" but the kubeconfig asks for " +
                    "\"$apiVersion\"; set the user's exec apiVersion to what the plugin speaks",
            )
        }
        val status = root["status"] as? JsonObject
            ?: throw AuthException("The exec plugin $plugin printed an ExecCredential without a status")
        return ExecCredential(status.string("token")?.ifEmpty { null }, material(status, plugin), expiry(status, plugin))
            .also {
                if (it.token == null && it.material == null) {
                    throw AuthException("The exec plugin $plugin returned neither a token nor a client certificate and key")
                }
            }
    }

    private fun material(status: JsonObject, plugin: String): ClientKeyMaterial? {
        val certificate = status.string("clientCertificateData")?.ifEmpty { null }
        val key = status.string("clientKeyData")?.ifEmpty { null }
        if (certificate == null && key == null) return null
        if (certificate == null || key == null) {
            throw AuthException("The exec plugin $plugin returned only one of clientCertificateData and clientKeyData")
        }
        return try {
            ClientKeyMaterial.fromPem(
                certificate.toByteArray(), key.toByteArray(),
                "clientCertificateData from exec plugin $plugin", "clientKeyData from exec plugin $plugin",
            )
        } catch (e: KubeException) {
            throw AuthException(e.message ?: "The exec plugin $plugin returned an unusable certificate", e)
        }
    }

    private fun expiry(status: JsonObject, plugin: String): Long? {
        val text = status.string("expirationTimestamp")?.ifEmpty { null } ?: return null
        return try {
            OffsetDateTime.parse(text).toInstant().toEpochMilli()
        } catch (e: DateTimeParseException) {
            throw AuthException("The exec plugin $plugin returned expirationTimestamp \"$text\", which is not an RFC 3339 time")
        }
    }

    private fun JsonObject.string(name: String): String? = (this[name] as? JsonPrimitive)?.takeIf { it.isString }?.contentOrNull

    private fun caBytes(source: PemSource): ByteArray = when (source) {
        is PemSource.Data -> source.bytes
        is PemSource.File -> try {
            Files.readAllBytes(source.path)
        } catch (e: IOException) {
            throw AuthException(
                "Cannot read the certificate-authority file ${source.path} to pass to the exec plugin (${e.javaClass.simpleName})",
                e,
            )
        }
    }

    private fun extension(json: String, config: ClientConfig): JsonElement = try {
        Json.parseToJsonElement(json)
    } catch (e: SerializationException) {
        throw ConfigException(
            "The cluster extension client.authentication.k8s.io/exec is not valid JSON (${config.source})",
        )
    }
}
