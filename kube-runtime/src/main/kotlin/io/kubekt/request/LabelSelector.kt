package io.kubekt.request

import io.kubekt.api.KubeDsl

/**
 * A label selector (apimachinery `labels.Selector`): requirements that all must hold. Immutable;
 * renders as the API server reads it, requirements in the order given, set values sorted:
 * `app=web,tier notin (db),env,!x`. The empty selector selects everything.
 *
 * ```kotlin
 * ListOptions { labels { "app" eq "web"; "tier" notIn setOf("db"); exists("env") } }
 * LabelSelector.parse("app=web,tier notin (db)").matches(pod.metadata?.labels.orEmpty())
 * ```
 * ```java
 * LabelSelector sel = LabelSelector.builder().eq("app", "web").notIn("tier", Set.of("db")).exists("env").build();
 * ListOptions.builder().labelSelector(sel).build();
 * ```
 * Equality is by the rendered form.
 */
public class LabelSelector(
    /** The requirements, ANDed, in the order they render. */
    public val requirements: List<LabelRequirement>,
) {
    private val rendered: String = requirements.joinToString(",")

    /** Whether this selector has no requirement, and so selects every object. */
    public fun isEmpty(): Boolean = requirements.isEmpty()

    /** Whether an object with these labels is selected: every requirement holds. */
    public fun matches(labels: Map<String, String>): Boolean = requirements.all { it.matches(labels) }

    /** A builder holding these requirements, to add more. */
    public fun toBuilder(): Builder = Builder().also { it.requirements.addAll(requirements) }

    override fun equals(other: Any?): Boolean = other is LabelSelector && other.rendered == rendered

    override fun hashCode(): Int = rendered.hashCode()

    /** The `labelSelector` query value, e.g. `app=web,tier notin (db),env,!x`; empty when [isEmpty]. */
    override fun toString(): String = rendered

    /**
     * Collects requirements: fluent methods for Java, infix forms for Kotlin blocks
     * (`"app" eq "web"`, `"tier" notIn setOf("db")`, ``"c" `in` setOf("x")``).
     *
     * Each method checks its key and values at once and throws [IllegalArgumentException]
     * naming the offending part.
     */
    @KubeDsl
    public class Builder {
        internal val requirements: MutableList<LabelRequirement> = mutableListOf()

        /** Adds a requirement made elsewhere (e.g. by [LabelSelector.parse]). */
        public fun requirement(requirement: LabelRequirement): Builder = apply { requirements += requirement }

        /** `key=value`: the label is set to [value]. */
        public fun eq(key: String, value: String): Builder = add(key, LabelOperator.EQUALS, listOf(value))

        /** `key!=value`: the label is absent or set to another value. */
        public fun ne(key: String, value: String): Builder = add(key, LabelOperator.NOT_EQUALS, listOf(value))

        /** `key in (values)`: the label is set to one of [values] (not empty). */
        public fun `in`(key: String, values: Collection<String>): Builder = add(key, LabelOperator.IN, values)

        /** `key notin (values)`: the label is absent or set to none of [values] (not empty). */
        public fun notIn(key: String, values: Collection<String>): Builder = add(key, LabelOperator.NOT_IN, values)

        /** `key`: the label is set, to any value. */
        public fun exists(key: String): Builder = add(key, LabelOperator.EXISTS, emptyList())

        /** `!key`: the label is absent. */
        public fun notExists(key: String): Builder = add(key, LabelOperator.DOES_NOT_EXIST, emptyList())

        /** `"app" eq "web"` in a Kotlin block. */
        @JvmSynthetic @JvmName("eqInfix")
        public infix fun String.eq(value: String) { eq(this, value) }

        /** `"tier" ne "db"` in a Kotlin block. */
        @JvmSynthetic @JvmName("neInfix")
        public infix fun String.ne(value: String) { ne(this, value) }

        /** ``"env" `in` setOf("prod", "staging")`` in a Kotlin block. */
        @JvmSynthetic @JvmName("inInfix")
        public infix fun String.`in`(values: Collection<String>) { `in`(this, values) }

        /** `"tier" notIn setOf("db")` in a Kotlin block. */
        @JvmSynthetic @JvmName("notInInfix")
        public infix fun String.notIn(values: Collection<String>) { notIn(this, values) }

        /** The selector; empty when nothing was added. */
        public fun build(): LabelSelector = LabelSelector(requirements.toList())

        private fun add(key: String, operator: LabelOperator, values: Collection<String>): Builder =
            requirement(LabelRequirement(key, operator, values))
    }

    public companion object {
        /** The empty selector: selects every object. */
        @JvmField
        public val EVERYTHING: LabelSelector = LabelSelector(emptyList())

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()

        /**
         * Parses the string form the API server accepts (`app=web,tier in (a,b),!x`; `==` reads as `=`).
         *
         * @throws IllegalArgumentException naming the position and what was expected, or the
         *   invalid key or value.
         */
        @JvmStatic
        public fun parse(text: String): LabelSelector = LabelSelector(LabelSelectorParser(text).parse())

        /**
         * The selector a meta/v1 `LabelSelector` model stands for: its `matchLabels` (by key) as
         * `key=value`, then its `matchExpressions` in order. Both empty select everything.
         *
         * Why not nullable: Kubernetes reads a null selector as "nothing", which has no string form.
         *
         * @throws IllegalArgumentException for an unknown operator, a missing key, values on
         *   `Exists`/`DoesNotExist` or none on `In`/`NotIn`, or invalid label syntax.
         */
        @JvmStatic
        public fun from(model: io.kubekt.api.meta.v1.LabelSelector): LabelSelector = LabelSelector(
            model.matchLabels.orEmpty().toSortedMap().map { (key, value) ->
                LabelRequirement(key, LabelOperator.EQUALS, listOf(value))
            } +
                model.matchExpressions.orEmpty().map { expression ->
                    val key = requireNotNull(expression.key) { "invalid matchExpressions entry: the key is missing" }
                    LabelRequirement(key, modelOperator(key, expression.operator), expression.values.orEmpty())
                },
        )

        private fun modelOperator(key: String, operator: String?): LabelOperator = when (operator) {
            "In" -> LabelOperator.IN
            "NotIn" -> LabelOperator.NOT_IN
            "Exists" -> LabelOperator.EXISTS
            "DoesNotExist" -> LabelOperator.DOES_NOT_EXIST
            else -> throw IllegalArgumentException(
                "invalid matchExpressions entry for key \"$key\": operator \"$operator\" is not In, NotIn, Exists or DoesNotExist",
            )
        }
    }
}

/** Builds a [LabelSelector] with a block: `LabelSelector { "app" eq "web"; exists("env") }`. */
@JvmSynthetic
public fun LabelSelector(block: LabelSelector.Builder.() -> Unit): LabelSelector = LabelSelector.Builder().apply(block).build()
