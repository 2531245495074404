package io.kubekt.request

/**
 * One term of a [FieldSelector]: a field path such as `status.phase`, an operator and a value.
 *
 * The value may be anything, the empty string included; it renders escaped as the API server
 * expects (`\`, `,` and `=` preceded by `\`). Which fields a resource supports is the server's
 * business (pods: `metadata.name`, `metadata.namespace`, `spec.nodeName`, `status.phase`, ...).
 *
 * @throws IllegalArgumentException when the field is empty or holds whitespace, `,`, `=`, `!`
 *   or `\`, naming the field.
 */
public class FieldRequirement(
    public val field: String,
    public val operator: FieldOperator,
    public val value: String,
) {
    init {
        require(field.isNotEmpty()) { "invalid field selector term: the field must not be empty (value \"$value\")" }
        require(field.none { it.isWhitespace() || it in FORBIDDEN }) {
            "invalid field selector field \"$field\": a field path must not contain whitespace, ',', '=', '!' or '\\'"
        }
    }

    /** Whether an object with these field values meets this term (an absent field reads as ""). */
    public fun matches(fields: Map<String, String>): Boolean = when (operator) {
        FieldOperator.EQUALS -> (fields[field] ?: "") == value
        FieldOperator.NOT_EQUALS -> (fields[field] ?: "") != value
    }

    override fun equals(other: Any?): Boolean = other is FieldRequirement && other.toString() == toString()

    override fun hashCode(): Int = toString().hashCode()

    /** The term as the API server reads it: `status.phase=Running`, `metadata.name!=x`. */
    override fun toString(): String = field + (if (operator == FieldOperator.EQUALS) "=" else "!=") + escape(value)

    private companion object {
        const val FORBIDDEN = ",=!\\"

        fun escape(value: String): String = buildString {
            for (c in value) {
                if (c == '\\' || c == ',' || c == '=') append('\\')
                append(c)
            }
        }
    }
}
