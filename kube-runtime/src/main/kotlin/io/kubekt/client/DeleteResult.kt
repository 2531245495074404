package io.kubekt.client

import io.kubekt.api.KubeObject
import io.kubekt.api.meta.v1.Status
import io.kubekt.request.KubeJson
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * What a delete achieved: the object is [Gone], or the server kept it while it is [Finalizing]
 * (finalizers or a grace period remain; it carries `deletionTimestamp`).
 *
 * The server answers a delete with a `Status` (the object is gone), or with the object: without
 * `deletionTimestamp` when it is gone, with one when it is still there.
 */
public sealed class DeleteResult<out T> {
    /** True when the object no longer exists. */
    public abstract val isGone: Boolean

    /** The object is gone. [obj] is its last state when the server returned it, [status] the server's Status otherwise. */
    public class Gone<out T>(
        @get:JvmName("getObject") public val obj: T?,
        public val status: Status?,
    ) : DeleteResult<T>() {
        override val isGone: Boolean get() = true
        override fun toString(): String = "Gone(${obj ?: status})"
    }

    /** The object still exists, marked for deletion: [obj] as the server returned it. */
    public class Finalizing<out T>(@get:JvmName("getObject") public val obj: T) : DeleteResult<T>() {
        override val isGone: Boolean get() = false
        override fun toString(): String = "Finalizing($obj)"
    }

    internal companion object {
        fun <T> of(body: ByteArray, decode: (ByteArray) -> T): DeleteResult<T> {
            val kind = runCatching {
                (KubeJson.parseToJsonElement(body.decodeToString()) as? JsonObject)?.get("kind") as? JsonPrimitive
            }.getOrNull()?.content
            if (kind == "Status") return Gone(null, Status.TYPE.decode(body))
            val obj = decode(body)
            val marked = (obj as? KubeObject)?.metadata?.deletionTimestamp != null
            return if (marked) Finalizing(obj) else Gone(obj, null)
        }
    }
}
