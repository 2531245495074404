package io.kubekt.codegen

/** The type of a property (or of list elements / map values) after special types are resolved. */
public sealed class SchemaType {
    /** A scalar; [kind] names a `io.kubekt.api.ScalarKind` constant. */
    public data class Scalar(val kind: String) : SchemaType()

    /** An object of a generated (or already generated, external) model class. */
    public data class Model(val definition: String) : SchemaType()

    /** A JSON array. */
    public data class ListOf(val element: SchemaType) : SchemaType()

    /** A JSON object with arbitrary keys. */
    public data class MapOf(val value: SchemaType) : SchemaType()
}
