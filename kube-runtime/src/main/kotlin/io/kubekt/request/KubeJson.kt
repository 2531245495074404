package io.kubekt.request

import kotlinx.serialization.json.Json

/**
 * The JSON settings for request and response bodies: unknown fields are ignored (servers add
 * fields every release) and nulls are left out when encoding (absent means "not set" in the API).
 */
internal val KubeJson: Json = Json {
    ignoreUnknownKeys = true
    explicitNulls = false
}
