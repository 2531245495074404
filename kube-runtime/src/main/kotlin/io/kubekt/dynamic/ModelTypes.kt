package io.kubekt.dynamic

import io.kubekt.api.KubeModel
import io.kubekt.api.ModelType

/** Finds the [ModelType] of a generated model class (its static `TYPE` field), built-in or generated for a CRD. */
internal object ModelTypes {
    private val cache = object : ClassValue<ModelType<*>>() {
        override fun computeValue(type: Class<*>): ModelType<*> {
            val field = try {
                type.getField("TYPE")
            } catch (e: NoSuchFieldException) {
                throw IllegalArgumentException("${type.name} is not a generated kubekt model: it has no static TYPE field", e)
            }
            val value = field.get(null)
            require(value is ModelType<*> && value.modelClass == type) { "${type.name}.TYPE is not the ModelType of ${type.name}" }
            return value
        }
    }

    @Suppress("UNCHECKED_CAST")
    fun <T : KubeModel<T, *>> of(type: Class<T>): ModelType<T> = cache.get(type) as ModelType<T>
}
