package io.kubekt.codegen

import kotlin.system.exitProcess

/** The command-line entry point; see [CodegenOptions.USAGE]. */
public object Main {
    /** Generates sources as the arguments say; exits with status 1 and a message on bad input. */
    @JvmStatic
    public fun main(args: Array<String>) {
        try {
            val options = CodegenOptions.parse(args.toList())
            val result = Generator(options).run()
            println("kube-codegen: ${result.models} files for ${options.spec.fileName}; ${result.written} written, ${result.deleted} deleted")
        } catch (e: CodegenException) {
            System.err.println("kube-codegen: ${e.message}")
            exitProcess(1)
        }
    }
}
