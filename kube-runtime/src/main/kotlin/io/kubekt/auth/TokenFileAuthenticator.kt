package io.kubekt.auth

import io.kubekt.error.AuthException
import io.kubekt.transport.KubeClock
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import org.slf4j.LoggerFactory
import java.io.IOException
import java.nio.file.AccessDeniedException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * Sends the bearer token in [path] (kubeconfig `tokenFile`, the service-account token in a pod),
 * re-read when [reread] has passed on [clock] since the last read and at once after a 401, so
 * rotated tokens keep working without a restart. Surrounding whitespace is trimmed.
 *
 * A missing, unreadable or empty file is an [AuthException] naming the path — except on a periodic
 * re-read after a good read, where the last token is kept (and a warning logged) until the file is
 * usable again, as client-go does.
 */
internal class TokenFileAuthenticator(
    private val path: Path,
    private val clock: KubeClock,
    private val reread: Duration = 1.minutes,
) : Authenticator {
    private val mutex = Mutex()

    @Volatile private var state: State? = null

    private class State(val token: String, val readAtNanos: Long)

    override suspend fun authorization(): String {
        val now = clock.nanoTime()
        state?.takeIf { now - it.readAtNanos < reread.inWholeNanoseconds }?.let { return "Bearer ${it.token}" }
        return mutex.withLock {
            val last = state
            if (last != null && clock.nanoTime() - last.readAtNanos < reread.inWholeNanoseconds) {
                return@withLock "Bearer ${last.token}"
            }
            val token = try {
                read()
            } catch (e: AuthException) {
                if (last == null) throw e
                log.warn("Keeping the last token: {}", e.message)
                last.token
            }
            state = State(token, clock.nanoTime())
            "Bearer $token"
        }
    }

    /** Re-reads the file now; true when it holds a different token than the one that was rejected. */
    override suspend fun onUnauthorized(rejected: String?): Boolean = mutex.withLock {
        val token = try {
            read()
        } catch (e: AuthException) {
            log.warn("After a 401: {}", e.message)
            return@withLock false
        }
        val changed = state?.token != token || (rejected != null && rejected != "Bearer $token")
        state = State(token, clock.nanoTime())
        changed
    }

    override fun toString(): String = "TokenFileAuthenticator(path=$path)"

    private suspend fun read(): String = withContext(Dispatchers.IO) {
        val text = try {
            Files.readString(path)
        } catch (e: NoSuchFileException) {
            throw AuthException("The token file $path does not exist", e)
        } catch (e: AccessDeniedException) {
            throw AuthException("The token file $path cannot be read: permission denied", e)
        } catch (e: IOException) {
            throw AuthException("The token file $path cannot be read (${e.javaClass.simpleName})", e)
        }
        text.trim().ifEmpty { throw AuthException("The token file $path is empty") }
    }

    private companion object {
        val log = LoggerFactory.getLogger(TokenFileAuthenticator::class.java)
    }
}
