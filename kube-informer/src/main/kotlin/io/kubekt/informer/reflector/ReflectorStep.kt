package io.kubekt.informer.reflector

/** One transition's outcome: [events] to emit, then [action] to perform, in [state]. */
internal data class ReflectorStep<out T>(
    val events: List<ReflectorEvent<T>>,
    val state: ReflectorState<T>,
    val action: ReflectorAction,
)
