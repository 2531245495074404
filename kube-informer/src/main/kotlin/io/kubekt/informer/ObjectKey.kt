package io.kubekt.informer

import io.kubekt.api.KubeObject

/**
 * The identity of an object in a store or a work queue: its namespace (null for cluster-scoped
 * objects) and name. Renders as client-go's key, `namespace/name` or `name`.
 */
public class ObjectKey(
    /** The namespace, or null for a cluster-scoped object. */
    public val namespace: String?,
    /** The object's name. */
    public val name: String,
) : Comparable<ObjectKey> {
    init {
        require(name.isNotEmpty()) { "an object key needs a name" }
        require(namespace == null || namespace.isNotEmpty()) { "an object key's namespace is null or not empty" }
    }

    override fun equals(other: Any?): Boolean = other is ObjectKey && other.namespace == namespace && other.name == name

    override fun hashCode(): Int = 31 * (namespace?.hashCode() ?: 0) + name.hashCode()

    override fun compareTo(other: ObjectKey): Int =
        compareValuesBy(this, other, { it.namespace.orEmpty() }, { it.name })

    /** `namespace/name`, or `name` for a cluster-scoped object. */
    override fun toString(): String = if (namespace == null) name else "$namespace/$name"

    public companion object {
        /**
         * The key of [obj].
         *
         * @throws IllegalArgumentException when the object has no name (it was never stored by a server).
         */
        @JvmStatic
        public fun of(obj: KubeObject): ObjectKey {
            val meta = obj.metadata
            val name = requireNotNull(meta?.name?.takeIf { it.isNotEmpty() }) { "object of kind ${obj.kind} has no metadata.name" }
            return ObjectKey(meta.namespace?.takeIf { it.isNotEmpty() }, name)
        }

        /** Parses `namespace/name` or `name`. @throws IllegalArgumentException for more than one `/` or an empty part. */
        @JvmStatic
        public fun parse(key: String): ObjectKey {
            val parts = key.split('/')
            require(parts.size in 1..2 && parts.none { it.isEmpty() }) { "not an object key (namespace/name or name): '$key'" }
            return if (parts.size == 1) ObjectKey(null, parts[0]) else ObjectKey(parts[0], parts[1])
        }
    }
}
