package io.kubekt.auth

import java.io.File
import java.nio.file.Files
import java.nio.file.InvalidPathException
import java.nio.file.Path

/**
 * Finds an exec plugin's executable the way kubectl does: a command containing a path separator
 * is a path, relative ones resolved against the folder of the kubeconfig that named it; a bare
 * name is looked up on `PATH` (with `PATHEXT` extensions on Windows).
 */
internal object CommandPath {
    private val windows = System.getProperty("os.name").orEmpty().startsWith("Windows")

    /** The executable for [command], or null when there is none. */
    fun resolve(command: String, workingDirectory: Path?, pathVariable: String?): Path? = try {
        if (isPath(command)) {
            val path = Path.of(command)
            val resolved = if (path.isAbsolute || workingDirectory == null) path else workingDirectory.resolve(path)
            resolved.takeIf { Files.isRegularFile(it) }
        } else {
            searchPath(command, pathVariable)
        }
    } catch (e: InvalidPathException) {
        null
    }

    /** Where [resolve] looked, for a "not found" message. */
    fun describeSearch(command: String, workingDirectory: Path?): String = when {
        !isPath(command) -> "on PATH"
        Path.of(command).isAbsolute || workingDirectory == null -> "at $command"
        else -> "at ${workingDirectory.resolve(command)}"
    }

    private fun isPath(command: String): Boolean = command.contains('/') || command.contains(File.separatorChar)

    private fun searchPath(name: String, pathVariable: String?): Path? {
        val extensions = if (windows) {
            listOf("") + System.getenv("PATHEXT").orEmpty().split(';').filter { it.isNotEmpty() }
        } else {
            listOf("")
        }
        for (dir in pathVariable.orEmpty().split(File.pathSeparator)) {
            val folder = try {
                Path.of(dir)
            } catch (e: InvalidPathException) {
                continue
            }
            for (extension in extensions) {
                val candidate = folder.resolve(name + extension)
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate
            }
        }
        return null
    }
}
