package io.kubekt.test

/**
 * Decides whether an authenticated request may proceed; a denied request is answered 403
 * Forbidden with the Status a real API server writes.
 *
 * ```kotlin
 * KubeTestServer.start { token("v", "viewer"); authorize { it.user != "viewer" || it.verb in setOf("get", "list") } }
 * ```
 * ```java
 * KubeTestServer.builder().token("v", "viewer").authorize(r -> !r.getUser().equals("viewer")).start();
 * ```
 * Why a predicate and not RBAC objects: tests need "this identity may not do that", and a
 * predicate says it in one line; RBAC's evaluation (roles, bindings, aggregation) is the cluster's
 * policy, not API semantics a client meets. Called on the request's thread, under no lock; it
 * must not block.
 */
public fun interface Authorizer {
    /** True when [request] is allowed. */
    public fun allows(request: AuthorizationRequest): Boolean

    public companion object {
        /** Allows everything (the default). */
        @JvmField
        public val ALLOW_ALL: Authorizer = Authorizer { true }
    }
}
