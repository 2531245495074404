package io.kubekt.auth

import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.longOrNull
import java.util.Base64

/**
 * Reads the `exp` claim of a JWT without verifying its signature: the client only needs to know
 * when to stop sending it; the API server does the verifying.
 */
internal object JwtExpiry {
    /** `exp` in epoch milliseconds, or null when [jwt] is not a JWT or has no numeric `exp`. */
    fun expiresAtMillis(jwt: String): Long? {
        val parts = jwt.split('.')
        if (parts.size != 3) return null
        return try {
            val payload = Base64.getUrlDecoder().decode(parts[1].trimEnd('='))
            val claims = Json.parseToJsonElement(payload.toString(Charsets.UTF_8)) as? JsonObject ?: return null
            val exp = (claims["exp"] as? JsonPrimitive)?.takeUnless { it.isString } ?: return null
            (exp.longOrNull ?: exp.content.toDoubleOrNull()?.toLong())?.let { Math.multiplyExact(it, 1000L) }
        } catch (e: IllegalArgumentException) {
            null
        } catch (e: SerializationException) {
            null
        } catch (e: ArithmeticException) {
            null
        }
    }
}
