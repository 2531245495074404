package io.kubekt.api.meta.v1

import kotlinx.serialization.Serializable

/**
 * The API server's answer to a failed (or, for some deletes, a successful) request: `meta/v1 Status`.
 *
 * Hand-written until the model generator emits it at this same name.
 */
@Serializable
public data class Status(
    val apiVersion: String? = null,
    val kind: String? = null,
    /** `Success` or `Failure`. */
    val status: String? = null,
    val message: String? = null,
    /** A machine-readable reason such as `NotFound`, `AlreadyExists`, `Conflict`, `Expired`. */
    val reason: String? = null,
    val details: StatusDetails? = null,
    /** The HTTP status code the server meant. */
    val code: Int? = null,
)

/** Extra detail on a [Status]: the object it concerns and, for `Invalid`, the causes. */
@Serializable
public data class StatusDetails(
    val name: String? = null,
    val group: String? = null,
    val kind: String? = null,
    val uid: String? = null,
    val causes: List<StatusCause>? = null,
    /** Seconds the client should wait before retrying, when the server says so. */
    val retryAfterSeconds: Int? = null,
)

/** One cause of a failure, e.g. a field that failed validation. */
@Serializable
public data class StatusCause(
    /** A machine-readable cause such as `FieldValueInvalid`. */
    val reason: String? = null,
    val message: String? = null,
    /** The field path, e.g. `metadata.name`. */
    val field: String? = null,
)
