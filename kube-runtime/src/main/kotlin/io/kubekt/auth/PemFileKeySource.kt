package io.kubekt.auth

import io.kubekt.config.PemSource
import io.kubekt.error.KubeException
import io.kubekt.transport.KubeClock
import org.slf4j.LoggerFactory
import java.io.IOException
import java.nio.file.Files
import java.nio.file.attribute.BasicFileAttributes
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * The kubeconfig's client certificate and key (`client-certificate[-data]`, `client-key[-data]`).
 *
 * Inline data is parsed once. Files are parsed when this is built — so a missing, malformed or
 * mismatched pair fails at client construction with a [io.kubekt.error.TlsException] — and then
 * re-read when a handshake finds that either file's modification time, size or identity changed
 * (one `stat` per file per handshake, which is cheap next to the handshake itself), and in any case
 * at most [recheck] after the last read. A rewrite that cannot be used (half-written, mismatched)
 * is logged and the last good pair stays in use until the files change again.
 */
internal class PemFileKeySource(
    private val certificate: PemSource,
    private val key: PemSource,
    private val clock: KubeClock,
    private val recheck: Duration = 1.minutes,
) : ClientKeySource {
    private val certificateOrigin = PemReader.origin(certificate, "client-certificate")
    private val keyOrigin = PemReader.origin(key, "client-key")
    private val hasFiles = certificate is PemSource.File || key is PemSource.File

    @Volatile private var loaded: Loaded = load()

    private class Loaded(val material: ClientKeyMaterial, val stamp: List<Any?>, val atNanos: Long)

    override fun current(): ClientKeyMaterial {
        val last = loaded
        if (!hasFiles) return last.material
        val stamp = stamp()
        if (stamp == last.stamp && clock.nanoTime() - last.atNanos < recheck.inWholeNanoseconds) return last.material
        synchronized(this) {
            if (loaded !== last) return loaded.material
            loaded = try {
                load().also { log.debug("Re-read client certificate from {}", certificateOrigin) }
            } catch (e: KubeException) {
                log.warn("Keeping the previous client certificate: {}", e.message)
                Loaded(last.material, stamp, clock.nanoTime())
            }
            return loaded.material
        }
    }

    override fun toString(): String = "PemFileKeySource(certificate=$certificateOrigin, key=$keyOrigin)"

    private fun load(): Loaded {
        val stamp = stamp()
        val chain = PemReader.certificates(certificate, "client-certificate")
        val privateKey = PemReader.privateKey(key, "client-key")
        KeyPairCheck.requireMatch(chain.first(), privateKey, certificateOrigin, keyOrigin)
        return Loaded(ClientKeyMaterial(chain, privateKey), stamp, clock.nanoTime())
    }

    /** What identifies the files' current content cheaply: modification time, size and file key. */
    private fun stamp(): List<Any?> = listOf(certificate, key).filterIsInstance<PemSource.File>().map { file ->
        try {
            val attributes = Files.readAttributes(file.path, BasicFileAttributes::class.java)
            listOf(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey())
        } catch (e: IOException) {
            null
        }
    }

    private companion object {
        val log = LoggerFactory.getLogger(PemFileKeySource::class.java)
    }
}
