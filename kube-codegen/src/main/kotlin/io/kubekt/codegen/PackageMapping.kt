package io.kubekt.codegen

/**
 * Maps OpenAPI definition names to Kotlin classes by longest matching prefix:
 * `io.k8s.api.core.v1.Pod` -> `io.kubekt.api.core.v1.Pod`, `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`
 * -> `io.kubekt.api.meta.v1.ObjectMeta`. Names no rule matches keep their own namespace as the
 * package (`com.example.v1.Widget` stays `com.example.v1.Widget`), with `-` turned into `_`.
 */
public class PackageMapping(extra: Map<String, String> = emptyMap()) {
    private val rules: List<Pair<String, String>> = (BUILT_IN + extra).entries
        .sortedByDescending { it.key.length }
        .map { it.key to it.value }

    /** The fully qualified Kotlin class name for [definition]. */
    public fun className(definition: String): String {
        for ((from, to) in rules) {
            if (definition.startsWith("$from.")) return "$to.${definition.substring(from.length + 1)}".sanitize()
        }
        return definition.sanitize()
    }

    private fun String.sanitize(): String = split('.').joinToString(".") { seg ->
        val s = seg.replace('-', '_')
        if (s in Names.KOTLIN_KEYWORDS || s.firstOrNull()?.isDigit() == true) "`$s`" else s
    }

    public companion object {
        /** The mapping of the Kubernetes built-ins. */
        public val BUILT_IN: Map<String, String> = mapOf(
            "io.k8s.api" to "io.kubekt.api",
            "io.k8s.apimachinery.pkg.apis.meta" to "io.kubekt.api.meta",
            "io.k8s.apimachinery.pkg.version" to "io.kubekt.api.version",
            "io.k8s.apimachinery.pkg.runtime" to "io.kubekt.api.runtime",
            "io.k8s.apimachinery.pkg.api.resource" to "io.kubekt.api.resource",
            "io.k8s.apimachinery.pkg.util.intstr" to "io.kubekt.api.intstr",
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions" to "io.kubekt.api.apiextensions",
            "io.k8s.kube-aggregator.pkg.apis.apiregistration" to "io.kubekt.api.apiregistration",
        )
    }
}
