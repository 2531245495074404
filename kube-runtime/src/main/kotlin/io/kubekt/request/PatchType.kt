package io.kubekt.request

/** The kind of patch a PATCH request carries; each has its own content type. */
public enum class PatchType(
    /** The `Content-Type` the server recognises the patch by. */
    public val contentType: String,
) {
    /** RFC 6902 JSON patch: a list of operations (`add`, `remove`, `replace`, `test`, ...). */
    JSON("application/json-patch+json"),

    /** RFC 7386 JSON merge patch: lists are replaced as a whole. */
    MERGE("application/merge-patch+json"),

    /** Kubernetes strategic merge patch: lists merge by key; built-in types only. */
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),

    /** Server-side apply: the body is the caller's full intent; needs a `fieldManager`. */
    APPLY("application/apply-patch+yaml"),
}
