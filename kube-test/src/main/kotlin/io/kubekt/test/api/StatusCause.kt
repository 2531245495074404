package io.kubekt.test.api

/** One entry of `details.causes`: machine reason (`FieldValueInvalid`), message and field path. */
internal data class Cause(val reason: String?, val message: String?, val field: String? = null)
