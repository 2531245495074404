package io.kubekt.request

/**
 * Options of a server-side apply (metav1 `PatchOptions` of an apply patch). Immutable.
 *
 * ```kotlin
 * ApplyOptions(fieldManager = "my-tool", force = true)
 * ```
 * ```java
 * ApplyOptions.builder("my-tool").force(true).build();
 * ```
 * @throws IllegalArgumentException for a blank [fieldManager] or one longer than 128 characters.
 */
public class ApplyOptions(
    /** Who applies: the manager that will own every field sent. Required by the server for apply. */
    public val fieldManager: String,
    /**
     * Take over fields other managers own instead of failing with 409 Conflict (the Status lists
     * the conflicting managers and fields).
     */
    public val force: Boolean = false,
    /** When true the server validates and answers, but persists nothing (`dryRun=All`). */
    public val dryRun: Boolean = false,
    /** How unknown or duplicate fields are treated; unset: the server's default. */
    public val fieldValidation: FieldValidation? = null,
) : QueryOptions {
    init {
        WriteQuery.requireManager(fieldManager)
    }

    override fun toQuery(): List<Pair<String, String>> =
        WriteQuery.render(dryRun, fieldManager, fieldValidation, force = if (force) true else null)

    override fun equals(other: Any?): Boolean = other is ApplyOptions && other.toQuery() == toQuery()
    override fun hashCode(): Int = toQuery().hashCode()
    override fun toString(): String = "ApplyOptions(" + toQuery().joinToString { (k, v) -> "$k=$v" } + ")"

    /** Collects [ApplyOptions] for Java: fluent setters; [fieldManager] is given up front. */
    public class Builder internal constructor(private val fieldManager: String) {
        private var force = false
        private var dryRun = false
        private var fieldValidation: FieldValidation? = null

        public fun force(value: Boolean): Builder = apply { force = value }
        public fun dryRun(value: Boolean): Builder = apply { dryRun = value }
        public fun fieldValidation(value: FieldValidation?): Builder = apply { fieldValidation = value }

        /** @throws IllegalArgumentException as the constructor does. */
        public fun build(): ApplyOptions = ApplyOptions(fieldManager, force, dryRun, fieldValidation)
    }

    public companion object {
        /** Options applying as [fieldManager], without force. */
        @JvmStatic
        public fun of(fieldManager: String): ApplyOptions = ApplyOptions(fieldManager)

        /** A builder for options applying as [fieldManager]. */
        @JvmStatic
        public fun builder(fieldManager: String): Builder = Builder(fieldManager)
    }
}
