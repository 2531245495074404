package io.kubekt.codegen

/** Naming rules: Kotlin identifiers from JSON names, singular adder names, DSL function names. */
public object Names {
    /** Kotlin hard keywords, which need backticks as identifiers. */
    public val KOTLIN_KEYWORDS: Set<String> = setOf(
        "as", "break", "class", "continue", "do", "else", "false", "for", "fun", "if", "in", "interface", "is",
        "null", "object", "package", "return", "super", "this", "throw", "true", "try", "typealias", "typeof",
        "val", "var", "when", "while",
    )

    /** Java keywords: a method with such a name gets a `@JvmName` with a `Value` suffix. */
    public val JAVA_KEYWORDS: Set<String> = setOf(
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
        "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
        "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
        "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null",
    )

    /** Members of KubeModel / ModelBuilder / companions that a field must not shadow. */
    public val RESERVED: Set<String> = setOf(
        "modelType", "unknownFields", "toBuilder", "toJson", "equals", "hashCode", "toString", "build",
        "unknownField", "slot", "setSlot", "editSlot", "appendToSlot", "appendNewToSlot", "putSlotEntry", "edit", "builder",
        "TYPE", "RESOURCE", "Builder", "Serializer", "Companion", "javaClass",
    )

    /** A lowerCamel Kotlin identifier for a JSON name: `$ref` -> `ref`, `x-kubernetes-list-type` -> `xKubernetesListType`, `Port` -> `port`. */
    public fun property(jsonName: String): String {
        val parts = jsonName.split(Regex("[^A-Za-z0-9]+")).filter { it.isNotEmpty() }
        if (parts.isEmpty()) throw CodegenException("cannot make an identifier of field name '$jsonName'")
        val joined = parts.first().let { it[0].lowercaseChar() + it.substring(1) } +
            parts.drop(1).joinToString("") { it[0].uppercaseChar() + it.substring(1) }
        return if (joined[0].isDigit()) "_$joined" else joined
    }

    /** The identifier as written in Kotlin source (backticked when it is a keyword). */
    public fun quoted(identifier: String): String = if (identifier in KOTLIN_KEYWORDS) "`$identifier`" else identifier

    /** A type-name suffix for an inline object under [property]: `template` -> `Template`. */
    public fun typeSuffix(property: String): String = property(property).replaceFirstChar { it.uppercaseChar() }

    /** The singular of a plural field name, for the add-one builder method: `containers` -> `container`. */
    public fun singular(name: String): String {
        for ((plural, single) in IRREGULAR) if (name.endsWith(plural)) return name.dropLast(plural.length) + single
        return when {
            name.endsWith("ies") && name.length > 3 -> name.dropLast(3) + "y"
            name.endsWith("sses") || name.endsWith("shes") || name.endsWith("ches") || name.endsWith("xes") -> name.dropLast(2)
            name.endsWith("ss") || name.endsWith("us") || name.endsWith("is") -> name
            name.endsWith("s") && name.length > 1 -> name.dropLast(1)
            else -> name
        }
    }

    private val IRREGULAR = listOf("statuses" to "status", "Statuses" to "Status", "aliases" to "alias", "Aliases" to "Alias")

    /** A DSL function name for a kind: `Pod` -> `pod`, `APIService` -> `apiService`, `CSIDriver` -> `csiDriver`. */
    public fun function(kind: String): String {
        var upper = 0
        while (upper < kind.length && kind[upper].isUpperCase()) upper++
        return when {
            upper == 0 -> kind
            upper == 1 || upper == kind.length -> kind.substring(0, upper).lowercase() + kind.substring(upper)
            else -> kind.substring(0, upper - 1).lowercase() + kind.substring(upper - 1)
        }
    }

    /** A Kotlin string literal. */
    public fun literal(s: String): String =
        "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("\n", "\\n") + "\""
}
