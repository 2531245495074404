@file:JvmName("ScriptRunner")

package io.kubekt.samples

import io.kubekt.error.KubeException
import org.jetbrains.kotlin.mainKts.MainKtsScript
import java.io.File
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.constructorArgs
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.updateClasspath
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate
import kotlin.script.experimental.jvmhost.createJvmEvaluationConfigurationFromTemplate
import kotlin.system.exitProcess

/**
 * Runs a `.main.kts` script without a kotlinc install, the way `kotlin x.main.kts` does (the
 * kotlin-main-kts definition: `@file:DependsOn` resolved from Maven repositories, the local one
 * first).
 *
 * `ScriptRunner [--provided] script.main.kts [args...]`. With `--provided`, kubekt comes from this
 * JVM's classpath instead: the script's `@file:DependsOn("io.kubekt:...")` lines are skipped. The
 * tests use it so that they pass on an empty local repository, before anything is installed.
 */
fun main(args: Array<String>) {
    val provided = args.firstOrNull() == "--provided"
    val rest = if (provided) args.drop(1) else args.toList()
    require(rest.isNotEmpty()) { "usage: ScriptRunner [--provided] script.main.kts [args...]" }
    exitProcess(runScript(File(rest[0]), rest.drop(1), provided))
}

/** Compiles and runs [script] with [args]; diagnostics go to stderr. Returns the exit code. */
fun runScript(script: File, args: List<String>, provided: Boolean): Int {
    val text = script.readText().let { if (provided) it.replace(KUBEKT_DEPENDS_ON, "") else it }
    val compilation = createJvmCompilationConfigurationFromTemplate<MainKtsScript> {
        if (provided) jvm { updateClasspath(hostClasspath()) }
    }
    val evaluation = createJvmEvaluationConfigurationFromTemplate<MainKtsScript> {
        constructorArgs(args.toTypedArray())
    }
    val result = BasicJvmScriptingHost().eval(text.toScriptSource(script.name), compilation, evaluation)
    for (report in result.reports) {
        if (report.severity >= ScriptDiagnostic.Severity.WARNING) System.err.println(report.render(withStackTrace = true))
    }
    val value = (result as? ResultWithDiagnostics.Success)?.value?.returnValue ?: return 1
    if (value is ResultValue.Error) {
        // kubekt's errors say what failed and where; anything else gets its stack trace.
        System.err.println("${script.name} failed: ${value.error}")
        if (value.error !is KubeException) value.error.printStackTrace()
        return 1
    }
    return 0
}

/** `@file:DependsOn("io.kubekt:...")` lines; emptied, not removed, so line numbers stay right. */
private val KUBEKT_DEPENDS_ON = Regex("""(?m)^\s*@file:DependsOn\("io\.kubekt:[^"]*"\)\s*$""")

private fun hostClasspath(): List<File> =
    System.getProperty("java.class.path").split(File.pathSeparator).filter { it.isNotEmpty() }.map(::File)
