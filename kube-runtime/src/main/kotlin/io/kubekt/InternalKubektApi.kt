package io.kubekt

/**
 * Marks members kubekt's own modules (kube-informer, kube-dsl) use to run work on behalf of a
 * [io.kubekt.client.KubeClient]: its scope and its Java stream delivery.
 *
 * Why public at all: Kotlin's `internal` ends at the module, and informers started from Java
 * must stop when the client is closed. Application code should not opt in; these members may
 * change with any kubekt release.
 */
@RequiresOptIn(message = "For kubekt's own modules only; may change with any release.", level = RequiresOptIn.Level.ERROR)
@Retention(AnnotationRetention.BINARY)
@Target(AnnotationTarget.CLASS, AnnotationTarget.FUNCTION, AnnotationTarget.PROPERTY)
public annotation class InternalKubektApi
