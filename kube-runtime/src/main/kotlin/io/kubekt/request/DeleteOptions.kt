package io.kubekt.request

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray
import kotlinx.serialization.json.putJsonObject

/**
 * Options of a delete or deleteCollection (metav1 `DeleteOptions`). Immutable; unset options are
 * not sent. They travel as the request body (preconditions cannot travel in the query).
 *
 * ```kotlin
 * DeleteOptions(propagationPolicy = PropagationPolicy.FOREGROUND, preconditionUid = live.metadata?.uid)
 * ```
 * ```java
 * DeleteOptions.builder().gracePeriodSeconds(0).preconditionResourceVersion(rv).build();
 * ```
 * @throws IllegalArgumentException for a negative grace period.
 */
public class DeleteOptions(
    /** Whether and how dependents are deleted; unset: the resource's default (usually background). */
    public val propagationPolicy: PropagationPolicy? = null,
    /** Seconds the object may take to terminate; 0 deletes at once; unset: the object's own default. */
    public val gracePeriodSeconds: Long? = null,
    /** Delete only if the object still has this uid (409 Conflict otherwise). */
    public val preconditionUid: String? = null,
    /** Delete only if the object is still at this resourceVersion (409 Conflict otherwise). */
    public val preconditionResourceVersion: String? = null,
    /** When true the server validates and answers, but deletes nothing (`dryRun=All`). */
    public val dryRun: Boolean = false,
) {
    init {
        require(gracePeriodSeconds == null || gracePeriodSeconds >= 0) { "gracePeriodSeconds must be >= 0, was $gracePeriodSeconds" }
    }

    /** True when no option is set: the request needs no body. */
    public val isEmpty: Boolean
        get() = propagationPolicy == null && gracePeriodSeconds == null && preconditionUid == null &&
            preconditionResourceVersion == null && !dryRun

    /** The body: a `meta/v1 DeleteOptions` object. */
    public fun toJson(): JsonObject = buildJsonObject {
        put("kind", "DeleteOptions")
        put("apiVersion", "v1")
        propagationPolicy?.let { put("propagationPolicy", it.value) }
        gracePeriodSeconds?.let { put("gracePeriodSeconds", it) }
        if (preconditionUid != null || preconditionResourceVersion != null) {
            putJsonObject("preconditions") {
                preconditionUid?.let { put("uid", it) }
                preconditionResourceVersion?.let { put("resourceVersion", it) }
            }
        }
        if (dryRun) putJsonArray("dryRun") { add(kotlinx.serialization.json.JsonPrimitive("All")) }
    }

    override fun equals(other: Any?): Boolean = other is DeleteOptions && other.toJson() == toJson()
    override fun hashCode(): Int = toJson().hashCode()
    override fun toString(): String = "DeleteOptions(${toJson()})"

    /** Collects [DeleteOptions]: properties for Kotlin blocks, fluent setters for Java. */
    public class Builder {
        public var propagationPolicy: PropagationPolicy? = null
        public var gracePeriodSeconds: Long? = null
        public var preconditionUid: String? = null
        public var preconditionResourceVersion: String? = null
        public var dryRun: Boolean = false

        public fun propagationPolicy(value: PropagationPolicy?): Builder = apply { propagationPolicy = value }
        public fun gracePeriodSeconds(value: Long): Builder = apply { gracePeriodSeconds = value }
        public fun preconditionUid(value: String?): Builder = apply { preconditionUid = value }
        public fun preconditionResourceVersion(value: String?): Builder = apply { preconditionResourceVersion = value }
        public fun dryRun(value: Boolean): Builder = apply { dryRun = value }

        /** @throws IllegalArgumentException as the constructor does. */
        public fun build(): DeleteOptions =
            DeleteOptions(propagationPolicy, gracePeriodSeconds, preconditionUid, preconditionResourceVersion, dryRun)
    }

    public companion object {
        /** No options: the resource's defaults. */
        @JvmField
        public val NONE: DeleteOptions = DeleteOptions()

        /** A new, empty builder. */
        @JvmStatic
        public fun builder(): Builder = Builder()
    }
}
