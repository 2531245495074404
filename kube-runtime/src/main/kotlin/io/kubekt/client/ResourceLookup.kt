package io.kubekt.client

import io.kubekt.api.BuiltinModels
import io.kubekt.api.KubeModel
import io.kubekt.api.ResourceType
import java.lang.reflect.Modifier

/**
 * Finds the [ResourceType] of a model class: the built-ins through [BuiltinModels], other
 * generated classes (users' CRDs) through the static `RESOURCE` field kube-codegen gives every
 * top-level kind.
 */
internal object ResourceLookup {
    fun <T : KubeModel<T, *>> find(modelClass: Class<T>): ResourceType<T> {
        BuiltinModels.resourceType(modelClass)?.let { return it }
        val field = runCatching { modelClass.getField("RESOURCE") }.getOrNull()
            ?.takeIf { Modifier.isStatic(it.modifiers) && ResourceType::class.java.isAssignableFrom(it.type) }
        val found = field?.get(null) as ResourceType<*>?
        require(found != null && found.modelType.modelClass == modelClass) {
            "${modelClass.name} is not the model of an API resource: pass a kube-codegen model of a top-level kind, " +
                "or its ResourceType to resources(type)"
        }
        @Suppress("UNCHECKED_CAST")
        return found as ResourceType<T>
    }
}
