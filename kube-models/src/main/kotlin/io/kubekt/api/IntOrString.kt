package io.kubekt.api

import io.kubekt.api.json.JsonReader
import kotlin.math.ceil
import kotlin.math.floor

/**
 * A value that is either an integer (`8080`) or a string (`"http"`, `"50%"`), as in ports and
 * rolling-update limits. Written back in the form it holds.
 */
public class IntOrString private constructor(private val number: Int, private val text: String?) {
    /** True when this holds an integer. */
    public val isInt: Boolean get() = text == null

    /** The integer; throws [IllegalStateException] when this holds a string. */
    public val intValue: Int
        get() = if (text == null) number else throw IllegalStateException("IntOrString holds the string \"$text\", not an integer")

    /** The string; throws [IllegalStateException] when this holds an integer. */
    public val stringValue: String
        get() = text ?: throw IllegalStateException("IntOrString holds the integer $number, not a string")

    /**
     * Resolves an integer or a percentage (`"25%"`) against [total], rounding a percentage up or
     * down (client-go's `GetScaledValueFromIntOrPercent`).
     */
    public fun scaledValue(total: Int, roundUp: Boolean): Int {
        if (text == null) return number
        require(text.endsWith("%")) { "\"$text\" is neither an integer nor a percentage" }
        val percent = text.dropLast(1).toIntOrNull() ?: throw IllegalArgumentException("\"$text\" is not a valid percentage")
        val scaled = percent.toDouble() * total / 100
        return (if (roundUp) ceil(scaled) else floor(scaled)).toInt()
    }

    override fun equals(other: Any?): Boolean = other is IntOrString && number == other.number && text == other.text

    override fun hashCode(): Int = text?.hashCode() ?: number

    /** The integer in decimal or the string. */
    override fun toString(): String = text ?: number.toString()

    public companion object {
        private val small = Array(256) { IntOrString(it, null) }

        /** An integer value. */
        @JvmStatic
        public fun of(value: Int): IntOrString = if (value in 0..255) small[value] else IntOrString(value, null)

        /** A string value such as `"http"` or `"50%"`. */
        @JvmStatic
        public fun of(value: String): IntOrString = IntOrString(0, value)

        internal fun read(r: JsonReader): IntOrString = if (r.peek() == '"'.code) of(r.readString()) else of(r.readInt())
    }
}
