package io.kubekt.api.json

import java.time.Instant
import java.time.OffsetDateTime
import java.time.format.DateTimeParseException

/**
 * RFC 3339 times as the API server writes them: `meta/v1 Time` with whole seconds
 * (`2026-11-22T12:57:35Z`) and `meta/v1 MicroTime` with six fraction digits
 * (`2026-11-22T12:57:35.123456Z`), always in UTC.
 *
 * Parsing reads the bytes in place (no string, no formatter) for the server's form and falls back
 * to [OffsetDateTime] for anything else RFC 3339 allows.
 */
internal object TimeFormat {
    private const val SECONDS_PER_DAY = 86_400L

    /** Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; null when the text is not in that form. */
    fun parse(b: ByteArray, off: Int, len: Int): Instant? {
        if (len < 20) return null
        val year = digits(b, off, 4)
        val month = digits(b, off + 5, 2)
        val day = digits(b, off + 8, 2)
        val hour = digits(b, off + 11, 2)
        val minute = digits(b, off + 14, 2)
        val second = digits(b, off + 17, 2)
        if (year < 0 || month !in 1..12 || day !in 1..31 || hour > 23 || minute > 59 || second > 59) return null
        if (b[off + 4] != DASH || b[off + 7] != DASH || b[off + 13] != COLON || b[off + 16] != COLON) return null
        val t = b[off + 10].toInt()
        if (t != 'T'.code && t != 't'.code) return null
        var p = off + 19
        val stop = off + len
        var nanos = 0
        if (b[p] == DOT) {
            p++
            var scale = 100_000_000
            val start = p
            while (p < stop && b[p] in ZERO..NINE) {
                nanos += (b[p] - ZERO) * scale
                scale /= 10
                p++
            }
            if (p == start || p - start > 9) return null
        }
        if (p >= stop) return null
        var offsetSeconds = 0
        when (b[p].toInt()) {
            'Z'.code, 'z'.code -> p++
            '+'.code, '-'.code -> {
                if (stop - p != 6 || b[p + 3] != COLON) return null
                val oh = digits(b, p + 1, 2)
                val om = digits(b, p + 4, 2)
                if (oh < 0 || om < 0) return null
                offsetSeconds = (oh * 3600 + om * 60) * (if (b[p] == PLUS) 1 else -1)
                p += 6
            }
            else -> return null
        }
        if (p != stop || day > daysInMonth(year, month)) return null
        val days = epochDay(year, month, day)
        val seconds = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offsetSeconds
        return Instant.ofEpochSecond(seconds, nanos.toLong())
    }

    /** Parses any RFC 3339 date-time; null when [text] is not one. */
    fun parse(text: String): Instant? {
        val bytes = text.toByteArray(Charsets.UTF_8)
        parse(bytes, 0, bytes.size)?.let { return it }
        return try {
            OffsetDateTime.parse(text).toInstant()
        } catch (e: DateTimeParseException) {
            null
        }
    }

    /** Writes [instant] in UTC with whole seconds (`Time`) or six fraction digits (`MicroTime`). */
    fun write(w: JsonWriter, instant: Instant, micro: Boolean) {
        val seconds = instant.epochSecond
        val day = Math.floorDiv(seconds, SECONDS_PER_DAY)
        val secOfDay = Math.floorMod(seconds, SECONDS_PER_DAY).toInt()
        // civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar
        val z = day + 719_468
        val era = Math.floorDiv(z, 146_097L)
        val doe = (z - era * 146_097).toInt()
        val yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        val doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        val mp = (5 * doy + 2) / 153
        val d = doy - (153 * mp + 2) / 5 + 1
        val m = if (mp < 10) mp + 3 else mp - 9
        val y = yoe + era * 400 + if (m <= 2) 1 else 0
        if (y !in 0..9999) {
            w.string(instant.toString())
            return
        }
        val out = w.beginRawValue(if (micro) 29 else 22)
        var p = w.size
        out[p++] = QUOTE
        p = put(out, p, y.toInt(), 4)
        out[p++] = DASH
        p = put(out, p, m, 2)
        out[p++] = DASH
        p = put(out, p, d, 2)
        out[p++] = 'T'.code.toByte()
        p = put(out, p, secOfDay / 3600, 2)
        out[p++] = COLON
        p = put(out, p, secOfDay / 60 % 60, 2)
        out[p++] = COLON
        p = put(out, p, secOfDay % 60, 2)
        if (micro) {
            out[p++] = DOT
            p = put(out, p, instant.nano / 1000, 6)
        }
        out[p++] = 'Z'.code.toByte()
        out[p++] = QUOTE
        w.endRawValue(p)
    }

    private fun put(out: ByteArray, at: Int, value: Int, width: Int): Int {
        var v = value
        for (i in width - 1 downTo 0) {
            out[at + i] = (ZERO + v % 10).toByte()
            v /= 10
        }
        return at + width
    }

    private fun digits(b: ByteArray, off: Int, n: Int): Int {
        var v = 0
        for (i in off until off + n) {
            val d = b[i] - ZERO
            if (d < 0 || d > 9) return -1
            v = v * 10 + d
        }
        return v
    }

    private fun daysInMonth(year: Int, month: Int): Int = when (month) {
        2 -> if (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) 29 else 28
        4, 6, 9, 11 -> 30
        else -> 31
    }

    private fun epochDay(year: Int, month: Int, day: Int): Long {
        val y = (if (month <= 2) year - 1 else year).toLong()
        val era = Math.floorDiv(y, 400L)
        val yoe = y - era * 400
        val mp = (month + 9) % 12
        val doy = (153 * mp + 2) / 5 + day - 1
        val doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private const val ZERO = '0'.code.toByte()
    private const val NINE = '9'.code.toByte()
    private const val DASH = '-'.code.toByte()
    private const val COLON = ':'.code.toByte()
    private const val DOT = '.'.code.toByte()
    private const val PLUS = '+'.code.toByte()
    private const val QUOTE = '"'.code.toByte()
}
