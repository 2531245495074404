package io.kubekt.request

/**
 * Options of a JSON, merge or strategic merge patch (for server-side apply see [ApplyOptions]) (metav1 `PatchOptions`). Immutable; unset options are not sent.
 *
 * ```kotlin
 * PatchOptions(dryRun = true, fieldValidation = FieldValidation.STRICT)
 * ```
 * ```java
 * PatchOptions.builder().dryRun(true).fieldManager("my-tool").build();
 * ```
 * The fields are [WriteOptions]'s.
 *
 * @throws IllegalArgumentException for a blank `fieldManager` or one longer than 128 characters.
 */
public class PatchOptions(
    dryRun: Boolean = false,
    fieldManager: String? = null,
    fieldValidation: FieldValidation? = null,
) : WriteOptions(dryRun, fieldManager, fieldValidation) {
    /** Collects [PatchOptions]: properties for Kotlin blocks, fluent setters for Java. */
    public class Builder {
        public var dryRun: Boolean = false
        public var fieldManager: String? = null
        public var fieldValidation: FieldValidation? = null

        public fun dryRun(value: Boolean): Builder = apply { dryRun = value }
        public fun fieldManager(value: String?): Builder = apply { fieldManager = value }
        public fun fieldValidation(value: FieldValidation?): Builder = apply { fieldValidation = value }

        /** @throws IllegalArgumentException as the constructor does. */
        public fun build(): PatchOptions = PatchOptions(dryRun, fieldManager, fieldValidation)
    }

    public companion object {
        /** No options. */
        @JvmField
        public val NONE: PatchOptions = PatchOptions()

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()
    }
}
