package io.kubekt.api.json

/**
 * A decoding failure inside the streaming reader; collects the field path as it unwinds.
 *
 * It never carries the value being decoded, only what was expected, the byte offset and the path,
 * so a Secret's data cannot leak through an error message.
 */
internal class JsonDecodeError(val reason: String, val offset: Int) : RuntimeException(reason, null, false, false) {
    private val segments = ArrayList<String>()

    fun at(field: String): JsonDecodeError = apply { segments.add(".$field") }

    fun at(index: Int): JsonDecodeError = apply { segments.add("[$index]") }

    fun path(): String = "$" + segments.asReversed().joinToString("")
}
