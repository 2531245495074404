package io.kubekt.codegen

/**
 * Collects the imports of one generated file and decides, per referenced class, whether its
 * simple name can be used or a clash (same-package type, own nested class, other import) forces
 * the fully qualified name.
 */
internal class Imports(private val pkg: String, taken: Set<String>) {
    private val bySimple = HashMap<String, String>()
    private val blocked = taken.toMutableSet()

    /** How to write [fqcn] in this file. */
    fun ref(fqcn: String): String {
        val dot = fqcn.lastIndexOf('.')
        val owner = fqcn.substring(0, dot.coerceAtLeast(0))
        val simple = fqcn.substring(dot + 1)
        if (owner == pkg) return simple
        bySimple[simple]?.let { return if (it == fqcn) simple else fqcn }
        if (simple in blocked) return fqcn
        bySimple[simple] = fqcn
        return simple
    }

    /** The sorted import lines. */
    fun lines(): List<String> = bySimple.values.sorted().map { "import $it" }
}
