package io.kubekt.api

/**
 * Marks the parts of kube-models that generated model classes call (field tables, slot access).
 *
 * Generated sources opt in; hand-written code should use the generated properties and builders.
 * These members may change with any kubekt release together with the generator.
 */
@RequiresOptIn(message = "Called by kubekt-generated model classes only.", level = RequiresOptIn.Level.ERROR)
@Retention(AnnotationRetention.BINARY)
@Target(AnnotationTarget.CLASS, AnnotationTarget.FUNCTION, AnnotationTarget.CONSTRUCTOR, AnnotationTarget.PROPERTY)
public annotation class ModelCodegenApi
