package io.kubekt.request

/** How the server treats unknown or duplicate fields in a write (metav1 `fieldValidation`). */
public enum class FieldValidation(
    /** The query parameter value. */
    public val value: String,
) {
    /** Drop unknown fields silently (the server's default before 1.27). */
    IGNORE("Ignore"),

    /** Accept the write, answer a `Warning` header per unknown field. */
    WARN("Warn"),

    /** Refuse the write with 400 BadRequest naming the unknown fields. */
    STRICT("Strict"),
}
