package io.kubekt.test

/**
 * Which requests a fault applies to: a Kubernetes verb (`get`, `list`, `watch`, `create`, `update`,
 * `patch`, `delete`, `deletecollection`) and/or a plural resource name; null matches anything.
 */
public class RequestFilter private constructor(public val verb: String?, public val resource: String?) {
    internal fun matches(verb: String?, resource: String?): Boolean =
        (this.verb == null || this.verb == verb) && (this.resource == null || this.resource == resource)

    override fun toString(): String = "RequestFilter(verb=${verb ?: "*"}, resource=${resource ?: "*"})"

    public companion object {
        /** Every request. */
        @JvmStatic
        public fun any(): RequestFilter = RequestFilter(null, null)

        /** Requests with [verb] on any resource. */
        @JvmStatic
        public fun verb(verb: String): RequestFilter = RequestFilter(verb, null)

        /** Requests on [resource] with any verb. */
        @JvmStatic
        public fun resource(resource: String): RequestFilter = RequestFilter(null, resource)

        /** Requests with [verb] on [resource]. */
        @JvmStatic
        public fun of(verb: String, resource: String): RequestFilter = RequestFilter(verb, resource)
    }
}
