package io.kubekt.codegen

/** Lookups across the whole spec that single-definition emitters need. */
internal class SpecIndex(
    val definitions: List<Definition>,
    resources: List<Resource>,
    private val mapping: PackageMapping,
) {
    private val simpleNames: Map<String, Set<String>> = definitions.map { mapping.className(it.name) }
        .groupBy({ it.substringBeforeLast('.') }, { it.substringAfterLast('.') })
        .mapValues { it.value.toSet() }
    private val definitionByKind: Map<Gvk, Definition> = definitions.flatMap { d -> d.kinds.map { it to d } }.toMap()
    private val resourceByKind: Map<Gvk, Resource> = resources
        .filter { it.kind in definitionByKind }
        .groupBy { it.kind }
        .mapValues { (_, rs) -> rs.minBy { it.plural } }

    /** Resources whose kind has a generated definition. */
    val resources: List<Resource> = resourceByKind.values.sortedWith(compareBy({ it.kind.group }, { it.kind.version }, { it.plural }))

    fun className(definition: String): String = mapping.className(definition)

    fun simpleNamesIn(pkg: String): Set<String> = simpleNames[pkg].orEmpty()

    fun resource(kind: Gvk): Resource? = resourceByKind[kind]

    fun definitionOf(kind: Gvk): Definition? = definitionByKind[kind]

    /** The list class of [kind] (`PodList` for `Pod`), when the spec defines one. */
    fun listClassFor(kind: Gvk): String? = definitionByKind[kind.copy(kind = kind.kind + "List")]?.let { className(it.name) }
}
