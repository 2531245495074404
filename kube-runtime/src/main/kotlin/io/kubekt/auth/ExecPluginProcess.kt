package io.kubekt.auth

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import java.io.ByteArrayOutputStream
import java.io.InputStream
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds

/** What an exec plugin run produced. [stderr] is empty when it went to the terminal. */
internal class ExecPluginRun(val exitCode: Int, val stdout: ByteArray, val stderr: String, val stdoutTruncated: Boolean)

/**
 * Runs one exec plugin process on [Dispatchers.IO].
 *
 * The pipes are drained by polling `available()` (every 5 to 50 ms) rather than by blocking reads,
 * so no thread is ever stuck in a read: cancelling the calling coroutine or reaching the timeout
 * kills the process and its descendants at once, and a background process the plugin leaves
 * holding its stdout open does not keep the caller waiting. Output written after the plugin itself
 * exited is ignored.
 */
internal object ExecPluginProcess {
    const val MAX_STDOUT: Int = 1 shl 20
    private const val MAX_STDERR: Int = 64 shl 10

    /**
     * Starts [command] with [environment] added to this process's environment. When [interactive],
     * stdin and stderr are the user's terminal; otherwise stdin is closed and stderr captured.
     * Returns null when [timeout] passed first. Throws [java.io.IOException] when it cannot start.
     */
    suspend fun run(command: List<String>, environment: Map<String, String>, interactive: Boolean, timeout: Duration): ExecPluginRun? =
        withContext(Dispatchers.IO) {
            val builder = ProcessBuilder(command)
            builder.environment().putAll(environment)
            if (interactive) {
                builder.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT)
            }
            val process = builder.start()
            try {
                if (!interactive) process.outputStream.close()
                val stdout = Capture(MAX_STDOUT, keepTail = false)
                val stderr = Capture(MAX_STDERR, keepTail = true)
                withTimeoutOrNull(timeout) {
                    var pause = 5.milliseconds
                    while (process.isAlive) {
                        val read = stdout.drain(process.inputStream) + if (interactive) 0 else stderr.drain(process.errorStream)
                        if (read == 0) {
                            delay(pause)
                            pause = minOf(pause * 2, 50.milliseconds)
                        } else {
                            pause = 5.milliseconds
                        }
                    }
                    stdout.drain(process.inputStream)
                    if (!interactive) stderr.drain(process.errorStream)
                    ExecPluginRun(process.exitValue(), stdout.bytes(), stderr.text(), stdout.truncated)
                }
            } finally {
                if (process.isAlive) kill(process)
                closeQuietly(process.inputStream)
                closeQuietly(process.errorStream)
            }
        }

    private fun kill(process: Process) {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly()
    }

    private fun closeQuietly(stream: InputStream) {
        runCatching { stream.close() }
    }

    /** Collects up to [limit] bytes of a pipe without blocking: the first ones, or the last ones with [keepTail]. */
    private class Capture(private val limit: Int, private val keepTail: Boolean) {
        private val buffer = ByteArrayOutputStream()
        private val chunk = ByteArray(8192)
        var truncated = false
            private set

        /** Reads what is available now; returns how many bytes were read. */
        fun drain(stream: InputStream): Int {
            var total = 0
            while (true) {
                val available = stream.available()
                if (available <= 0) return total
                val n = stream.read(chunk, 0, minOf(available, chunk.size))
                if (n <= 0) return total
                total += n
                keep(n)
            }
        }

        private fun keep(n: Int) {
            if (buffer.size() + n <= limit) {
                buffer.write(chunk, 0, n)
            } else if (keepTail) {
                val kept = (buffer.toByteArray() + chunk.copyOf(n)).takeLast(limit).toByteArray()
                buffer.reset()
                buffer.write(kept)
                truncated = true
            } else {
                truncated = true
            }
        }

        fun bytes(): ByteArray = buffer.toByteArray()

        fun text(): String = buffer.toString(Charsets.UTF_8)
    }
}
