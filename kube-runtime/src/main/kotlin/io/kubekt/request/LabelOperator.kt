package io.kubekt.request

/** The operator of one [LabelRequirement], as the API server's label selector grammar has it. */
public enum class LabelOperator {
    /** `key=value`: the label is set to the value. */
    EQUALS,

    /** `key!=value`: the label is absent or set to another value. */
    NOT_EQUALS,

    /** `key in (a,b)`: the label is set to one of the values. */
    IN,

    /** `key notin (a,b)`: the label is absent or set to none of the values. */
    NOT_IN,

    /** `key`: the label is set, to any value. */
    EXISTS,

    /** `!key`: the label is absent. */
    DOES_NOT_EXIST,
}
