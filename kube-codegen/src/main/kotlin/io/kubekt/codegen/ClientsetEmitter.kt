package io.kubekt.codegen

/**
 * Writes kube-runtime's Clientset: one accessor class per API group/version that has resources
 * in the spec (`CoreV1Client`, `AppsV1Client`, `CoordinationV1alpha2Client`, ...) with one method
 * per resource, and the abstract class `Clientset` that `KubeClient` extends, holding one
 * accessor per group/version (`coreV1()`, `appsV1()`).
 *
 * Namespaced resources get `pods(namespace)` and `pods()` (the scopes: a namespace, the default
 * one, all namespaces); cluster-scoped ones `namespaces()`, the client itself.
 */
internal class ClientsetEmitter(private val index: SpecIndex) {
    private class Entry(val resource: Resource, val model: String, val list: String?)

    /** Relative path -> source. */
    fun emit(): Map<String, String> {
        val byGroupVersion = index.resources.mapNotNull { r ->
            index.definitionOf(r.kind)?.let { Entry(r, index.className(it.name), index.listClassFor(r.kind)) }
        }.groupBy { it.resource.kind.group to it.resource.kind.version }
        val accessors = byGroupVersion.keys.associateWith { (group, version) -> accessor(group, version) }
        accessors.values.groupBy { it }.filter { it.value.size > 1 }.keys.firstOrNull()?.let {
            throw CodegenException("two API groups would get the accessor $it(): add a naming rule to ClientsetEmitter")
        }
        val out = LinkedHashMap<String, String>()
        for ((gv, entries) in byGroupVersion) {
            val cls = className(accessors.getValue(gv))
            out["$PKG_PATH/typed/$cls.kt"] = groupVersionClass(gv.first, gv.second, cls, entries)
        }
        out["$PKG_PATH/Clientset.kt"] = clientset(accessors)
        return out
    }

    private fun clientset(accessors: Map<Pair<String, String>, String>): String {
        val sb = StringBuilder(HEADER)
        sb.append("package $PKG\n\n")
        sb.append("import $PKG.typed.*\n\n")
        sb.append("/**\n * The typed clients of every built-in API group/version, client-go's Clientset shape:\n")
        sb.append(" * `client.coreV1().pods(\"kube-system\")`, `client.appsV1().deployments(ns)`. [KubeClient] extends it,\n")
        sb.append(" * so Java calls these as members. Alpha and beta versions are included as the spec lists them.\n */\n")
        sb.append("public abstract class Clientset internal constructor() {\n")
        sb.append("    internal abstract fun typedClient(): KubeClient\n")
        for ((gv, name) in accessors.entries.sortedBy { it.value }) {
            val label = if (gv.first.isEmpty()) "core/${gv.second}" else "${gv.first}/${gv.second}"
            sb.append("\n    /** The resources of $label. */\n")
            sb.append("    public fun $name(): ${className(name)} = ${className(name)}(typedClient())\n")
        }
        sb.append("}\n")
        return sb.toString()
    }

    private fun groupVersionClass(group: String, version: String, cls: String, entries: List<Entry>): String {
        val label = if (group.isEmpty()) "core/$version" else "$group/$version"
        val sb = StringBuilder(HEADER)
        sb.append("package $PKG.typed\n\n")
        val imports = sortedSetOf("$PKG.KubeClient", "$PKG.ResourceClient")
        if (entries.any { it.list == null }) imports += "io.kubekt.api.KubeList"
        if (entries.any { it.resource.namespaced }) imports += "$PKG.Resources"
        entries.forEach { e -> imports += e.model; e.list?.let { imports += it } }
        imports.forEach { sb.append("import ").append(it).append('\n') }
        sb.append('\n')
        sb.append("/** The typed clients of the resources in $label. */\n")
        sb.append("public class $cls internal constructor(private val client: KubeClient) {\n")
        for (e in entries.sortedBy { it.resource.plural }) {
            val fn = Names.quoted(method(e.resource))
            val model = e.model.substringAfterLast('.')
            val listClass = e.list?.substringAfterLast('.')
            val list = listClass ?: "KubeList<$model>"
            val listArg = listClass?.let { ", $it.TYPE" } ?: ""
            val kind = e.resource.kind.kind
            if (e.resource.namespaced) {
                sb.append("\n    /** [$kind] objects (`${e.resource.plural}`) by scope: a namespace, the default namespace, all namespaces. */\n")
                sb.append("    public fun $fn(): Resources<$model, $list> = client.resources($model.RESOURCE$listArg)\n")
                sb.append("\n    /** [$kind] objects (`${e.resource.plural}`) in [namespace]; an empty one is an [IllegalArgumentException]. */\n")
                sb.append("    public fun $fn(namespace: String): ResourceClient<$model, $list> = $fn().namespace(namespace)\n")
            } else {
                sb.append("\n    /** [$kind] objects (`${e.resource.plural}`, cluster-scoped). */\n")
                sb.append("    public fun $fn(): ResourceClient<$model, $list> = client.resources($model.RESOURCE$listArg).cluster()\n")
            }
        }
        sb.append("\n    override fun toString(): String = \"$cls(\$client)\"\n}\n")
        return sb.toString()
    }

    /** `coreV1`, `appsV1`, `rbacV1` (first label of the group), `coordinationV1alpha2`. */
    private fun accessor(group: String, version: String): String {
        val label = if (group.isEmpty()) "core" else group.substringBefore('.')
        val camel = label.split('-').mapIndexed { i, p -> if (i == 0) p else p.replaceFirstChar(Char::uppercaseChar) }.joinToString("")
        return camel + version.replaceFirstChar(Char::uppercaseChar)
    }

    private fun className(accessor: String): String = accessor.replaceFirstChar(Char::uppercaseChar) + "Client"

    /** The plural in lowerCamel case, cased like the kind: `persistentVolumeClaims`, `networkPolicies`, `apiServices`. */
    private fun method(r: Resource): String {
        val camel = Names.function(r.kind.kind)
        val plural = r.plural
        var common = 0
        while (common < camel.length && common < plural.length && camel[common].lowercaseChar() == plural[common]) common++
        return camel.substring(0, common) + plural.substring(common)
    }

    private companion object {
        const val PKG = "io.kubekt.client"
        const val PKG_PATH = "io/kubekt/client"
        const val HEADER = "// Code generated by kube-codegen. DO NOT EDIT.\n"
    }
}
