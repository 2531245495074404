package io.kubekt.request

import io.kubekt.api.KubeDsl

/**
 * A field selector (apimachinery `fields.Selector`): terms that all must hold. Immutable; renders
 * as the API server reads it, terms in the order given: `status.phase=Running,metadata.name!=x`.
 *
 * ```kotlin
 * ListOptions { fields { "status.phase" eq "Running"; "metadata.name" ne "x" } }
 * ```
 * ```java
 * ListOptions.builder().fieldSelector(FieldSelector.builder().eq("status.phase", "Running").build()).build();
 * ```
 * Equality is by the rendered form.
 */
public class FieldSelector(
    /** The terms, ANDed, in the order they render. */
    public val requirements: List<FieldRequirement>,
) {
    private val rendered: String = requirements.joinToString(",")

    /** Whether this selector has no term, and so selects every object. */
    public fun isEmpty(): Boolean = requirements.isEmpty()

    /** Whether an object with these field values is selected (absent fields read as ""). */
    public fun matches(fields: Map<String, String>): Boolean = requirements.all { it.matches(fields) }

    override fun equals(other: Any?): Boolean = other is FieldSelector && other.rendered == rendered

    override fun hashCode(): Int = rendered.hashCode()

    /** The `fieldSelector` query value; empty when [isEmpty]. */
    override fun toString(): String = rendered

    /** Collects terms: `eq`/`ne` for Java, `"status.phase" eq "Running"` in Kotlin blocks. */
    @KubeDsl
    public class Builder {
        private val requirements = mutableListOf<FieldRequirement>()

        /** `field=value`. @throws IllegalArgumentException for an invalid field path. */
        public fun eq(field: String, value: String): Builder = add(FieldRequirement(field, FieldOperator.EQUALS, value))

        /** `field!=value`. @throws IllegalArgumentException for an invalid field path. */
        public fun ne(field: String, value: String): Builder = add(FieldRequirement(field, FieldOperator.NOT_EQUALS, value))

        /** `"status.phase" eq "Running"` in a Kotlin block. */
        @JvmSynthetic @JvmName("eqInfix")
        public infix fun String.eq(value: String) { eq(this, value) }

        /** `"metadata.name" ne "x"` in a Kotlin block. */
        @JvmSynthetic @JvmName("neInfix")
        public infix fun String.ne(value: String) { ne(this, value) }

        /** The selector; empty when nothing was added. */
        public fun build(): FieldSelector = FieldSelector(requirements.toList())

        private fun add(requirement: FieldRequirement): Builder = apply { requirements += requirement }
    }

    public companion object {
        /** The empty selector: selects every object. */
        @JvmField
        public val EVERYTHING: FieldSelector = FieldSelector(emptyList())

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()

        /**
         * Parses the string form the API server accepts: terms split at unescaped `,`, each
         * `field=value`, `field==value` or `field!=value`, values unescaped (`\\`, `\,`, `\=`).
         *
         * @throws IllegalArgumentException for a term without an operator, a bad escape or an
         *   invalid field path.
         */
        @JvmStatic
        public fun parse(text: String): FieldSelector = FieldSelector(FieldSelectorParser.parse(text))
    }
}

/** Builds a [FieldSelector] with a block: `FieldSelector { "status.phase" eq "Running" }`. */
@JvmSynthetic
public fun FieldSelector(block: FieldSelector.Builder.() -> Unit): FieldSelector = FieldSelector.Builder().apply(block).build()
