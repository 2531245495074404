package io.kubekt.transport

import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** Reads an HTTP `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
internal object RetryAfter {
    /**
     * The wait the header asks for, measured from [nowMillis] (epoch millis) for a date; null when
     * absent or unreadable. A date in the past means no wait.
     */
    fun parse(value: String?, nowMillis: Long): Duration? {
        val text = value?.trim()?.takeIf { it.isNotEmpty() } ?: return null
        text.toLongOrNull()?.let { return if (it < 0) null else it.seconds }
        return try {
            val at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
            (at - nowMillis).coerceAtLeast(0).milliseconds
        } catch (_: DateTimeParseException) {
            null
        }
    }
}
