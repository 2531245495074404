package io.kubekt.api.json

import java.math.BigDecimal

/** Formats a double the way Go's `encoding/json` does: plain decimal in [1e-6, 1e21), else `1e+21` style. */
internal object GoFloat {
    fun format(v: Double): String {
        require(!v.isNaN() && !v.isInfinite()) { "JSON cannot represent $v" }
        if (v == 0.0) return if (1.0 / v < 0) "-0" else "0"
        val abs = Math.abs(v)
        val d = BigDecimal(v.toString()).stripTrailingZeros()
        if (abs >= 1e-6 && abs < 1e21) return d.toPlainString()
        val digits = d.unscaledValue().abs().toString()
        val exponent = digits.length - 1 - d.scale()
        val mantissa = if (digits.length == 1) digits else digits[0] + "." + digits.substring(1)
        val sign = if (v < 0) "-" else ""
        val expSign = if (exponent < 0) "-" else "+"
        val expDigits = Math.abs(exponent).toString()
        val exp = if (exponent > 0 && expDigits.length < 2) "0$expDigits" else expDigits
        return "$sign${mantissa}e$expSign$exp"
    }
}
