package io.kubekt.codegen

import java.nio.file.Path

/** What to generate from which spec, and where. */
public class CodegenOptions(
    /** The OpenAPI v2 document (`/openapi/v2` saved to a file). */
    public val spec: Path,
    /** The source root for model classes. */
    public val out: Path,
    /** The source root for kube-dsl entry functions (`pod { }`), or null to skip them. */
    public val dslOut: Path? = null,
    /** The source root for kube-runtime's typed clients (`Clientset`, `CoreV1Client`, ...), or null to skip them. */
    public val clientsetOut: Path? = null,
    /** The fully qualified name of the registry object to write, or null to skip it. */
    public val registry: String? = null,
    /** Only definitions whose name matches are generated (references to others still resolve). */
    public val include: Regex? = null,
    /** Extra definition-prefix -> Kotlin-package rules, e.g. `com.example.v1` -> `com.example.model.v1`. */
    public val packages: Map<String, String> = emptyMap(),
    /** Delete `.kt` files under the output roots that this run did not write. */
    public val clean: Boolean = false,
) {
    public companion object {
        /** The command-line help. */
        public const val USAGE: String = """usage: kube-codegen --spec <openapi-v2.json> --out <dir> [options]
  --spec <file>            OpenAPI v2 spec, e.g. a server's /openapi/v2 saved to a file
  --out <dir>              source root for the model classes
  --dsl-out <dir>          source root for Kotlin entry functions (pod { ... }) for kube-dsl
  --clientset-out <dir>    source root for kube-runtime's typed clients (Clientset, CoreV1Client, ...)
  --registry <class>       fully qualified name of a ModelRegistry object listing all types
  --include <regex>        generate only definitions whose name matches (e.g. '^com\.example\.')
  --package <from>=<to>    map definitions under <from> to Kotlin package <to> (repeatable)
  --clean                  delete .kt files under the output roots that were not generated"""

        /** Parses command-line arguments; throws [CodegenException] with the problem and the usage. */
        @JvmStatic
        public fun parse(args: List<String>): CodegenOptions {
            var spec: Path? = null
            var out: Path? = null
            var dslOut: Path? = null
            var registry: String? = null
            var clientsetOut: Path? = null
            var include: Regex? = null
            val packages = LinkedHashMap<String, String>()
            var clean = false
            val it = args.iterator()
            fun value(flag: String): String = if (it.hasNext()) it.next() else throw CodegenException("$flag needs a value\n$USAGE")
            while (it.hasNext()) {
                when (val a = it.next()) {
                    "--spec" -> spec = Path.of(value(a))
                    "--out" -> out = Path.of(value(a))
                    "--dsl-out" -> dslOut = Path.of(value(a))
                    "--clientset-out" -> clientsetOut = Path.of(value(a))
                    "--registry" -> registry = value(a)
                    "--include" -> include = Regex(value(a))
                    "--package" -> value(a).split('=', limit = 2).let { p ->
                        if (p.size != 2 || p[0].isBlank() || p[1].isBlank()) throw CodegenException("--package wants <from>=<to>, got '${p.joinToString("=")}'")
                        packages[p[0]] = p[1]
                    }
                    "--clean" -> clean = true
                    else -> throw CodegenException("unknown argument '$a'\n$USAGE")
                }
            }
            return CodegenOptions(
                spec ?: throw CodegenException("--spec is required\n$USAGE"),
                out ?: throw CodegenException("--out is required\n$USAGE"),
                dslOut, clientsetOut, registry, include, packages, clean,
            )
        }
    }
}
