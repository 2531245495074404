package io.kubekt.api

import io.kubekt.api.json.JsonReader
import java.math.BigDecimal
import java.math.RoundingMode

/**
 * A Kubernetes resource quantity such as `100m`, `0.5`, `1Gi` or `1e3`.
 *
 * The original text is kept and written back unchanged; [value] is parsed on first use. Equality,
 * hashing and ordering are by numeric value, so `1Gi == 1024Mi`. Results of arithmetic are
 * written in the canonical form of the left operand's [Format], as the API server would.
 */
public class Quantity private constructor(private val text: String, @Volatile private var parsed: BigDecimal?) : Comparable<Quantity> {
    /** How a quantity's suffix is written. */
    public enum class Format {
        /** Powers of 1024: `Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`. */
        BINARY_SI,

        /** Powers of 1000: `n`, `u`, `m`, none, `k`, `M`, `G`, `T`, `P`, `E`. */
        DECIMAL_SI,

        /** An exponent: `1e3`, `5E-3`. */
        DECIMAL_EXPONENT,
    }

    /** The numeric value; throws [NumberFormatException] if the text (as received) is not a quantity. */
    public val value: BigDecimal
        get() = parsed ?: parseValue(text).also { parsed = it }

    /** The suffix style of the text. */
    public val format: Format get() = formatOf(text)

    /** The value rounded up, away from zero, to a whole number (Go's `Value()`). */
    public fun toLong(): Long = value.setScale(0, RoundingMode.UP).longValueExact()

    /** The value in thousandths rounded up, away from zero (Go's `MilliValue()`): `100m` is 100. */
    public fun toMillis(): Long = value.movePointRight(3).setScale(0, RoundingMode.UP).longValueExact()

    /** The sum, in this quantity's format. */
    public operator fun plus(other: Quantity): Quantity = of(value.add(other.value), format)

    /** The difference, in this quantity's format. */
    public operator fun minus(other: Quantity): Quantity = of(value.subtract(other.value), format)

    /** This quantity times [factor], in this quantity's format. */
    public operator fun times(factor: Long): Quantity = of(value.multiply(BigDecimal.valueOf(factor)), format)

    /** The negated quantity. */
    public operator fun unaryMinus(): Quantity = of(value.negate(), format)

    override fun compareTo(other: Quantity): Int = value.compareTo(other.value)

    override fun equals(other: Any?): Boolean = this === other || other is Quantity && compareTo(other) == 0

    override fun hashCode(): Int = value.stripTrailingZeros().hashCode()

    /** The text as received or as canonically formatted. */
    override fun toString(): String = text

    public companion object {
        private val BINARY = listOf("" to 0, "Ki" to 10, "Mi" to 20, "Gi" to 30, "Ti" to 40, "Pi" to 50, "Ei" to 60)
        private val DECIMAL = mapOf("n" to -9, "u" to -6, "m" to -3, "" to 0, "k" to 3, "M" to 6, "G" to 9, "T" to 12, "P" to 15, "E" to 18)
        private val DECIMAL_SUFFIX = DECIMAL.entries.associate { (k, v) -> v to k }
        private val KIBI = BigDecimal.valueOf(1024)
        private const val CACHE_SIZE = 1024
        private val cache = arrayOfNulls<Quantity>(CACHE_SIZE)

        /** Parses [text], failing with [IllegalArgumentException] when it is not a quantity. */
        @JvmStatic
        public fun parse(text: String): Quantity {
            val value = try {
                parseValue(text)
            } catch (e: NumberFormatException) {
                throw IllegalArgumentException("'$text' is not a Kubernetes quantity (e.g. 100m, 0.5, 1Gi, 1e3)", e)
            }
            return Quantity(text, value)
        }

        /** The quantity of [value], written canonically in [format]. */
        @JvmStatic
        @JvmOverloads
        public fun of(value: BigDecimal, format: Format = Format.DECIMAL_SI): Quantity = Quantity(canonical(value, format), value)

        /** The quantity of a whole number, e.g. a CPU or byte count. */
        @JvmStatic
        public fun of(value: Long): Quantity = of(BigDecimal.valueOf(value))

        /** The quantity of [millis] thousandths, e.g. `ofMillis(250)` is `250m`. */
        @JvmStatic
        public fun ofMillis(millis: Long): Quantity = of(BigDecimal.valueOf(millis, 3))

        internal fun read(r: JsonReader): Quantity {
            val text = if (r.peek() == '"'.code) r.readString() else r.readNumberText()
            val slot = text.hashCode() and (CACHE_SIZE - 1)
            val cached = cache[slot]
            if (cached != null && cached.text == text) return cached
            return Quantity(text, null).also { cache[slot] = it }
        }

        private fun formatOf(text: String): Format = when {
            text.endsWith("i") -> Format.BINARY_SI
            text.indexOfAny(charArrayOf('e', 'E'), 1) > 0 && text.last().isDigit() -> Format.DECIMAL_EXPONENT
            else -> Format.DECIMAL_SI
        }

        private fun parseValue(text: String): BigDecimal {
            var end = 0
            if (end < text.length && (text[end] == '+' || text[end] == '-')) end++
            val digitsStart = end
            while (end < text.length && (text[end].isAsciiDigit() || text[end] == '.')) end++
            val number = text.substring(0, end)
            if (end == digitsStart || number.count { it == '.' } > 1 || number.endsWith("+") || number.endsWith("-")) {
                throw NumberFormatException("not a quantity")
            }
            val base = BigDecimal(if (number.endsWith(".")) number.dropLast(1) else number)
            val suffix = text.substring(end)
            BINARY.firstOrNull { it.first.isNotEmpty() && it.first == suffix }?.let { return base.multiply(KIBI.pow(it.second / 10)) }
            DECIMAL[suffix]?.let { return base.scaleByPowerOfTen(it) }
            if (suffix.length > 1 && (suffix[0] == 'e' || suffix[0] == 'E')) {
                val exp = suffix.substring(1)
                if (exp.trimStart('+', '-').let { it.isEmpty() || !it.all { c -> c in '0'..'9' } }) throw NumberFormatException("bad exponent")
                return base.scaleByPowerOfTen(exp.toInt())
            }
            throw NumberFormatException("unknown suffix")
        }

        private fun Char.isAsciiDigit(): Boolean = this in '0'..'9'

        private fun canonical(value: BigDecimal, format: Format): String {
            if (value.signum() == 0) return "0"
            if (format == Format.BINARY_SI && value.abs() >= KIBI) {
                val whole = try {
                    value.toBigIntegerExact()
                } catch (e: ArithmeticException) {
                    null
                }
                if (whole != null) {
                    var n = BigDecimal(whole)
                    var i = 0
                    while (i < BINARY.size - 1 && n.remainder(KIBI).signum() == 0) {
                        n = n.divide(KIBI)
                        i++
                    }
                    return n.toPlainString() + BINARY[i].first
                }
            }
            // round up (away from zero) to nano precision, then pick the largest exponent that is a multiple of 3
            val v = value.setScale(maxOf(value.scale(), 0).coerceAtMost(9), RoundingMode.UP).stripTrailingZeros()
            val e0 = -v.scale()
            var e = Math.floorDiv(e0, 3) * 3
            if (format == Format.DECIMAL_SI) e = e.coerceIn(-9, 18)
            val mantissa = v.scaleByPowerOfTen(-e).setScale(0, RoundingMode.UNNECESSARY).toPlainString()
            return when (format) {
                Format.DECIMAL_EXPONENT -> if (e == 0) mantissa else "${mantissa}e$e"
                else -> mantissa + DECIMAL_SUFFIX.getValue(e)
            }
        }
    }
}
