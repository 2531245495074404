package io.kubekt.test.core

/** The parts of `meta/v1 DeleteOptions` the server acts on, from the query or the request body. */
internal data class DeleteOptions(
    val propagationPolicy: String? = null,
    val gracePeriodSeconds: Long? = null,
    val preconditionUid: String? = null,
    val preconditionResourceVersion: String? = null,
    val dryRun: Boolean = false,
)
