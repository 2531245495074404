@file:JvmName("Expectations")

package io.kubekt.conformance.support

import io.kubekt.error.ApiException
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeoutOrNull
import java.util.UUID
import kotlin.time.Duration.Companion.seconds

/** [prefix] plus a random suffix: a valid DNS-1123 label of at most 63 characters, unique per call. */
fun uniqueName(prefix: String): String =
    prefix.lowercase().filter { it in 'a'..'z' || it in '0'..'9' || it == '-' }.take(50) + "-" + UUID.randomUUID().toString().take(8)

/** Runs [block] and returns the [ApiException] it throws; fails the test when it throws none. */
suspend fun apiError(block: suspend () -> Any?): ApiException {
    try {
        block()
    } catch (e: ApiException) {
        return e
    }
    throw AssertionError("expected the server to answer with an error, but the call succeeded")
}

/**
 * Polls [check] every 100 ms until it returns non-null, for control-plane work a real cluster does
 * asynchronously (kube-test does it before answering, so there the first call succeeds).
 */
suspend fun <T : Any> eventually(what: String, seconds: Int = 30, check: suspend () -> T?): T =
    withTimeoutOrNull(seconds.seconds) {
        var value = check()
        while (value == null) {
            delay(100)
            value = check()
        }
        value
    } ?: throw AssertionError("$what did not happen within $seconds s")
