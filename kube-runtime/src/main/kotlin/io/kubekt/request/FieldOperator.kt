package io.kubekt.request

/** The operator of one [FieldRequirement]: field selectors know only equality. */
public enum class FieldOperator {
    /** `field=value`. */
    EQUALS,

    /** `field!=value`. */
    NOT_EQUALS,
}
