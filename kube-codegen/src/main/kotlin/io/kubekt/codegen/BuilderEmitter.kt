package io.kubekt.codegen

/**
 * Writes a model's nested `Builder`.
 *
 * Per field: a `var` property (Kotlin `name = "web"`), a fluent setter (Java `.name("web")`); for
 * objects a Java `Consumer` overload and a Kotlin block overload that edit the current value
 * (`metadata(m -> m.name("web"))` / `metadata { name = "web" }`); for lists an add-one method
 * (`container { ... }`); for maps a put-one method (`label("app", "web")`) and, in Kotlin,
 * `labels("app" to "web")`. Kotlin-only overloads are `@JvmSynthetic`; Kotlin picks the block
 * overload over the `Consumer` one because it needs no SAM conversion.
 */
internal class BuilderEmitter(private val imports: Imports, private val rt: ModelEmitter.Runtime) {
    private val consumer: String get() = imports.ref("java.util.function.Consumer")

    fun emit(simple: String, fields: List<FieldInfo>): String {
        val sb = StringBuilder()
        sb.append("    /**\n")
        sb.append("     * Builds a [$simple]. Each field has a property and a fluent setter; object fields also take a\n")
        sb.append("     * block or `Consumer` that edits the current value, list fields an add-one method and map\n")
        sb.append("     * fields a put-one method.\n")
        sb.append("     */\n")
        sb.append("    public class Builder internal constructor(from: $simple?) : ${rt.api("ModelBuilder")}<$simple>(TYPE, from) {\n")
        for (f in fields) field(sb, simple, f)
        if (fields.isNotEmpty()) sb.setLength(sb.length - 1)
        sb.append("    }\n")
        return sb.toString()
    }

    private fun field(sb: StringBuilder, simple: String, f: FieldInfo) {
        val n = Names.quoted(f.name)
        val i = f.slot
        sb.append("        /** [$simple.${f.name}] */\n")
        sb.append("        public var $n: ${f.declared}\n")
        sb.append("            get() = slot($i) as ${f.declared}\n")
        sb.append("            set(value) = setSlot($i, value)\n\n")
        fluent(sb, f.name, "value: ${f.declared}", "setSlot($i, value)")
        val t = f.property.type
        if (t is SchemaType.Model && f.nested != null) {
            fluent(sb, f.name, "edit: $consumer<${f.nested}.Builder>", "editSlot($i, ${f.nested}.TYPE, edit)")
            fluent(sb, f.name, "edit: ${f.nested}.Builder.() -> Unit", "editSlot($i, ${f.nested}.TYPE, edit)", kotlinOnly = true)
        }
        val adder = f.adder ?: return
        val element = f.elementType!!
        if (t is SchemaType.ListOf) {
            fluent(sb, adder, "value: $element", "appendToSlot($i, value)")
            if (f.nested != null) {
                fluent(sb, adder, "edit: $consumer<${f.nested}.Builder>", "appendNewToSlot($i, ${f.nested}.TYPE, edit)")
                fluent(sb, adder, "edit: ${f.nested}.Builder.() -> Unit", "appendNewToSlot($i, ${f.nested}.TYPE, edit)", kotlinOnly = true)
            }
        } else if (t is SchemaType.MapOf) {
            fluent(sb, f.name, "vararg entries: Pair<String, $element>", "setSlot($i, mapOf(*entries))", kotlinOnly = true)
            fluent(sb, adder, "key: String, value: $element", "putSlotEntry($i, key, value)")
        }
    }

    private fun fluent(sb: StringBuilder, name: String, params: String, call: String, kotlinOnly: Boolean = false) {
        if (kotlinOnly) sb.append("        @JvmSynthetic\n")
        else if (name in Names.JAVA_KEYWORDS) sb.append("        @JvmName(\"${name}Value\")\n")
        sb.append("        public fun ${Names.quoted(name)}($params): Builder {\n            $call\n            return this\n        }\n\n")
    }
}
