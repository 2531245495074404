package io.kubekt.informer

import io.kubekt.api.KubeModel
import io.kubekt.api.KubeObject
import io.kubekt.api.ModelBuilder
import io.kubekt.api.meta.v1.ObjectMeta
import java.lang.reflect.Method

/**
 * Removes `metadata.managedFields` from any generated top-level model.
 *
 * Why reflection: every top-level model's builder has a generated `metadata(ObjectMeta)`
 * setter but no common interface declares it; the setter is looked up once per builder class.
 * Objects that are not generated models (or have no such setter) are returned unchanged.
 */
internal object ManagedFields {
    private val setters = object : ClassValue<Method?>() {
        override fun computeValue(type: Class<*>): Method? =
            try { type.getMethod("metadata", ObjectMeta::class.java) } catch (e: NoSuchMethodException) { null }
    }

    fun <T : KubeObject> drop(obj: T): T {
        val meta = obj.metadata ?: return obj
        if (meta.managedFields == null || obj !is KubeModel<*, *>) return obj
        val builder: ModelBuilder<*> = obj.toBuilder()
        val setter = setters.get(builder.javaClass) ?: return obj
        setter.invoke(builder, meta.toBuilder().managedFields(null).build())
        @Suppress("UNCHECKED_CAST")
        return builder.build() as T
    }
}
