package io.kubekt.request

/**
 * Options of a update (and updateStatus, updateScale) (metav1 `UpdateOptions`). Immutable; unset options are not sent.
 *
 * ```kotlin
 * UpdateOptions(dryRun = true, fieldValidation = FieldValidation.STRICT)
 * ```
 * ```java
 * UpdateOptions.builder().dryRun(true).fieldManager("my-tool").build();
 * ```
 * @throws IllegalArgumentException for a blank [fieldManager] or one longer than 128 characters.
 */
public class UpdateOptions(
    /** When true the server validates and answers, but persists nothing (`dryRun=All`). */
    public val dryRun: Boolean = false,
    /** The name recorded as owner of the fields this write sets (managedFields). */
    public val fieldManager: String? = null,
    /** How unknown or duplicate fields are treated; unset: the server's default. */
    public val fieldValidation: FieldValidation? = null,
) : QueryOptions {
    init {
        WriteQuery.requireManager(fieldManager)
    }

    override fun toQuery(): List<Pair<String, String>> = WriteQuery.render(dryRun, fieldManager, fieldValidation)

    override fun equals(other: Any?): Boolean = other is UpdateOptions && other.toQuery() == toQuery()
    override fun hashCode(): Int = toQuery().hashCode()
    override fun toString(): String = "UpdateOptions(" + toQuery().joinToString { (k, v) -> "$k=$v" } + ")"

    /** Collects [UpdateOptions]: properties for Kotlin blocks, fluent setters for Java. */
    public class Builder {
        public var dryRun: Boolean = false
        public var fieldManager: String? = null
        public var fieldValidation: FieldValidation? = null

        public fun dryRun(value: Boolean): Builder = apply { dryRun = value }
        public fun fieldManager(value: String?): Builder = apply { fieldManager = value }
        public fun fieldValidation(value: FieldValidation?): Builder = apply { fieldValidation = value }

        /** @throws IllegalArgumentException as the constructor does. */
        public fun build(): UpdateOptions = UpdateOptions(dryRun, fieldManager, fieldValidation)
    }

    public companion object {
        /** No options. */
        @JvmField
        public val NONE: UpdateOptions = UpdateOptions()

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()
    }
}
