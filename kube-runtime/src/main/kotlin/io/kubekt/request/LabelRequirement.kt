package io.kubekt.request

/**
 * One requirement of a [LabelSelector]: a label key, an operator and its values.
 *
 * Immutable and checked when made: the key and every value must be valid label syntax, `in` and
 * `notin` need at least one value, `=` and `!=` exactly one, `exists` and `!` none. [values] are
 * kept sorted and without duplicates, so equal requirements render the same query.
 *
 * @throws IllegalArgumentException naming the offending key or value and why it is refused.
 */
public class LabelRequirement(
    public val key: String,
    public val operator: LabelOperator,
    values: Collection<String> = emptyList(),
) {
    /** The values, sorted; one for `=`/`!=`, none for `exists`/`!`. */
    public val values: List<String> = values.toSortedSet().toList()

    init {
        LabelSyntax.checkKey(key)
        for (value in this.values) LabelSyntax.checkValue(key, value)
        when (operator) {
            LabelOperator.IN, LabelOperator.NOT_IN -> require(this.values.isNotEmpty()) {
                "invalid label requirement for key \"$key\": '${symbol()}' needs at least one value, the set was empty"
            }
            LabelOperator.EQUALS, LabelOperator.NOT_EQUALS -> require(this.values.size == 1) {
                "invalid label requirement for key \"$key\": '${symbol()}' needs exactly one value, got ${this.values.size}"
            }
            LabelOperator.EXISTS, LabelOperator.DOES_NOT_EXIST -> require(this.values.isEmpty()) {
                "invalid label requirement for key \"$key\": '${symbol()}' takes no values, got ${this.values}"
            }
        }
    }

    /** Whether an object with these labels meets this requirement (absent labels meet `!=` and `notin`). */
    public fun matches(labels: Map<String, String>): Boolean {
        val value = labels[key]
        return when (operator) {
            LabelOperator.EQUALS, LabelOperator.IN -> value != null && value in values
            LabelOperator.NOT_EQUALS, LabelOperator.NOT_IN -> value == null || value !in values
            LabelOperator.EXISTS -> value != null
            LabelOperator.DOES_NOT_EXIST -> value == null
        }
    }

    override fun equals(other: Any?): Boolean = other is LabelRequirement && other.toString() == toString()

    override fun hashCode(): Int = toString().hashCode()

    /** The requirement as the API server reads it: `app=web`, `tier notin (db)`, `env`, `!x`. */
    override fun toString(): String = when (operator) {
        LabelOperator.EQUALS -> "$key=${values[0]}"
        LabelOperator.NOT_EQUALS -> "$key!=${values[0]}"
        LabelOperator.IN -> "$key in (${values.joinToString(",")})"
        LabelOperator.NOT_IN -> "$key notin (${values.joinToString(",")})"
        LabelOperator.EXISTS -> key
        LabelOperator.DOES_NOT_EXIST -> "!$key"
    }

    private fun symbol(): String = when (operator) {
        LabelOperator.EQUALS -> "="
        LabelOperator.NOT_EQUALS -> "!="
        LabelOperator.IN -> "in"
        LabelOperator.NOT_IN -> "notin"
        LabelOperator.EXISTS -> "exists"
        LabelOperator.DOES_NOT_EXIST -> "!"
    }
}
