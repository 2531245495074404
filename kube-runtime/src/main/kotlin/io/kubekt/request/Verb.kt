package io.kubekt.request

/**
 * The Kubernetes verb a request performs. The HTTP method follows from it; retries and logging
 * decide by it (a LIST and a GET are both HTTP GET but not the same to a user).
 */
public enum class Verb(public val httpMethod: String, public val idempotent: Boolean) {
    GET("GET", true),
    LIST("GET", true),
    WATCH("GET", true),
    CREATE("POST", false),
    UPDATE("PUT", true),
    PATCH("PATCH", false),
    DELETE("DELETE", true),
    DELETE_COLLECTION("DELETE", true),
    /** Any other request: connect, proxy, a raw POST to a custom path. */
    OTHER("POST", false),
}
