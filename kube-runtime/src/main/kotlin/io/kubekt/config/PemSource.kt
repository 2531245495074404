package io.kubekt.config

import java.nio.file.Path

/**
 * Where PEM material comes from: a file (re-read when a new connection needs it, so rotated files
 * take effect) or bytes given inline (kubeconfig `*-data`, already base64-decoded).
 *
 * `toString` never shows the bytes.
 */
public sealed class PemSource {
    /** PEM read from [path]. */
    public class File(public val path: Path) : PemSource() {
        override fun equals(other: Any?): Boolean = other is File && other.path == path
        override fun hashCode(): Int = path.hashCode()
        override fun toString(): String = "PemSource.File($path)"
    }

    /** PEM given inline. */
    public class Data(bytes: ByteArray) : PemSource() {
        private val data = bytes.copyOf()

        /** A copy of the PEM bytes. */
        public val bytes: ByteArray get() = data.copyOf()

        override fun equals(other: Any?): Boolean = other is Data && other.data.contentEquals(data)
        override fun hashCode(): Int = data.contentHashCode()
        override fun toString(): String = "PemSource.Data(${data.size} bytes)"
    }

    /** A human-readable origin for error messages: the file path, or `inline data`. */
    public fun describe(): String = when (this) {
        is File -> path.toString()
        is Data -> "inline data"
    }
}
