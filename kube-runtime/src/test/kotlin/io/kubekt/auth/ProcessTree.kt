package io.kubekt.auth

import io.kotest.assertions.fail
import java.nio.file.Files
import java.nio.file.Path

/** Test checks on processes a plugin script started. */
object ProcessTree {
    /** Waits up to [millis] for the process whose pid is in [pidFile] to be gone; fails otherwise. */
    fun awaitGone(pidFile: Path, millis: Long = 5_000) {
        val pid = Files.readString(pidFile).trim().toLong()
        val deadline = System.currentTimeMillis() + millis
        while (ProcessHandle.of(pid).map { it.isAlive }.orElse(false)) {
            if (System.currentTimeMillis() > deadline) fail("process $pid from $pidFile is still running")
            Thread.sleep(20)
        }
    }

    /** Waits up to [millis] for [file] to exist. */
    fun awaitFile(file: Path, millis: Long = 5_000) {
        val deadline = System.currentTimeMillis() + millis
        while (!Files.exists(file) || Files.size(file) == 0L) {
            if (System.currentTimeMillis() > deadline) fail("$file did not appear")
            Thread.sleep(20)
        }
    }
}
