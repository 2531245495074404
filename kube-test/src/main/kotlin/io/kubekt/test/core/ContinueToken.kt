package io.kubekt.test.core

import io.kubekt.test.api.Statuses
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import java.util.Base64

/**
 * The opaque `continue` token, in the API server's own form: base64url (unpadded) JSON
 * `{"v":"meta.k8s.io/v1","rv":<snapshot>,"start":"<next key>\u0000"}`; rv -1 continues at the latest state.
 */
@Serializable
internal data class ContinueToken(val v: String = VERSION, val rv: Long, val start: String) {
    fun encode(): String = Base64.getUrlEncoder().withoutPadding().encodeToString(json.encodeToString(serializer(), this).toByteArray())

    companion object {
        const val VERSION = "meta.k8s.io/v1"
        private val json = Json { ignoreUnknownKeys = true; encodeDefaults = true }

        fun decode(token: String): ContinueToken {
            val parsed = runCatching {
                json.decodeFromString(serializer(), String(Base64.getUrlDecoder().decode(token.trimEnd('='))))
            }.getOrNull() ?: throw Statuses.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
            if (parsed.v != VERSION) throw Statuses.badRequest("continue key is not valid: server does not recognize this encoded key")
            if (parsed.rv == 0L) throw Statuses.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")
            return parsed
        }
    }
}
