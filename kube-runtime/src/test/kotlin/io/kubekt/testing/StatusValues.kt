package io.kubekt.testing

import io.kubekt.api.meta.v1.Status
import io.kubekt.api.meta.v1.StatusCause
import io.kubekt.api.meta.v1.StatusDetails

/** A `Status` with named fields, as tests write them. */
fun status(
    code: Int? = null,
    reason: String? = null,
    message: String? = null,
    details: StatusDetails? = null,
    kind: String? = null,
    apiVersion: String? = null,
    status: String? = null,
): Status = Status.TYPE.builder().apply {
    this as Status.Builder
    this.kind = kind
    this.apiVersion = apiVersion
    this.status = status
    this.code = code
    this.reason = reason
    this.message = message
    this.details = details
}.build()

/** `StatusDetails` with named fields. */
fun statusDetails(retryAfterSeconds: Int? = null, causes: List<StatusCause>? = null): StatusDetails =
    StatusDetails.builder().retryAfterSeconds(retryAfterSeconds).causes(causes).build()

/** A `StatusCause` with named fields. */
fun statusCause(reason: String? = null, message: String? = null, field: String? = null): StatusCause =
    StatusCause.builder().reason(reason).message(message).field(field).build()
