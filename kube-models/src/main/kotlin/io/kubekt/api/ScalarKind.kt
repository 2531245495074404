package io.kubekt.api

/** The JSON scalar forms a model field can hold, with the Kotlin type each is exposed as. */
public enum class ScalarKind {
    /** A string: `String`. */
    STRING,

    /** A 32-bit integer: `Int`. */
    INT32,

    /** A 64-bit integer: `Long`. */
    INT64,

    /** `true` or `false`: `Boolean`. */
    BOOLEAN,

    /** A floating-point number: `Double`. */
    DOUBLE,

    /** Base64-encoded bytes (`format: byte`), kept as the base64 `String` the server sends. */
    BYTES,

    /** A resource quantity such as `100m` or `1Gi`: [Quantity]. */
    QUANTITY,

    /** An integer or a string such as `8080` or `"50%"`: [IntOrString]. */
    INT_OR_STRING,

    /** `meta/v1 Time`, written with whole seconds: `java.time.Instant`. */
    TIME,

    /** `meta/v1 MicroTime`, written with six fraction digits: `java.time.Instant`. */
    MICRO_TIME,

    /** Free-form JSON (`RawExtension`, `JSON`, preserve-unknown-fields): a kotlinx `JsonElement`. */
    JSON,

    /** `meta/v1 FieldsV1`, the managed-fields set kept as raw JSON: [io.kubekt.api.meta.v1.FieldsV1]. */
    FIELDS_V1,
}
