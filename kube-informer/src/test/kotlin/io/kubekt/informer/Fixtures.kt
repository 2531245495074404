package io.kubekt.informer

import io.kubekt.api.KubeList
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.meta.v1.ListMeta
import io.kubekt.api.meta.v1.Status
import io.kubekt.api.meta.v1.StatusCause
import io.kubekt.api.meta.v1.StatusDetails
import io.kubekt.error.ApiException

/** A ConfigMap as a server returns it: namespace, name, resourceVersion, labels, one data key. */
fun configMap(namespace: String?, name: String, resourceVersion: String, labels: Map<String, String> = emptyMap(), value: String = resourceVersion): ConfigMap =
    ConfigMap {
        metadata {
            this.name = name
            this.namespace = namespace
            this.resourceVersion = resourceVersion
            if (labels.isNotEmpty()) this.labels = labels
        }
        data = mapOf("value" to value)
    }

/** One list page. */
class Page<T>(override val items: List<T>, resourceVersion: String, continueToken: String? = null) : KubeList<T> {
    override val apiVersion: String get() = "v1"
    override val kind: String get() = "List"
    override val metadata: ListMeta = ListMeta.builder().resourceVersion(resourceVersion).`continue`(continueToken).build()
}

/** An API error as the server answers it (shapes from the recorded transcripts). */
fun apiError(code: Int, reason: String, message: String, causeReason: String? = null): ApiException {
    val status = Status {
        this.code = code
        this.reason = reason
        this.message = message
        status = "Failure"
        if (causeReason != null) details = StatusDetails.builder().causes(listOf(StatusCause.builder().reason(causeReason).message(message).build())).build()
    }
    return ApiException(status, "GET", "/api/v1/configmaps", "https://kube.test")
}

val GONE: ApiException get() = apiError(410, "Expired", "too old resource version: 2 (13068)")
val TOO_LARGE: ApiException get() = apiError(504, "Timeout", "Too large resource version", "ResourceVersionTooLarge")
val INTERNAL: ApiException get() = apiError(500, "InternalError", "etcd unavailable")
val WATCH_LIST_INVALID: ApiException get() = apiError(422, "Invalid", "sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled")
