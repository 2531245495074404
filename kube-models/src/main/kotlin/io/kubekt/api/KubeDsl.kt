package io.kubekt.api

/**
 * The one DSL marker of kubekt's Kotlin builder blocks.
 *
 * Inside `pod { spec { container { ... } } }` only the innermost builder's members are in scope
 * without a label, so a field name never silently resolves to an outer builder.
 */
@DslMarker
@Target(AnnotationTarget.CLASS, AnnotationTarget.TYPE)
public annotation class KubeDsl
