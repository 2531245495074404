package io.kubekt.auth

import io.kubekt.config.ClientConfig
import io.kubekt.config.ExecConfig
import io.kubekt.error.AuthException
import io.kubekt.error.ConfigException
import io.kubekt.transport.KubeClock
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import org.slf4j.LoggerFactory
import java.io.IOException
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * Gets credentials from a client-go exec plugin (client.authentication.k8s.io v1 or v1beta1).
 *
 * The result is cached until its `expirationTimestamp` on [clock] (for the client's life when it
 * has none) and dropped after a 401 that rejected it, so the next request runs the plugin again.
 * A [Mutex] makes concurrent callers wait for one run instead of starting several. A returned
 * client certificate is served through [current] to the client's key manager; the plugin runs from
 * [authorization] (called before every request), never on a TLS handshake thread.
 *
 * [terminal] says whether a user's terminal is attached (for `interactiveMode`); [pathVariable] is
 * where bare command names are looked up; [timeout] bounds one run.
 */
internal class ExecAuthenticator(
    private val exec: ExecConfig,
    private val config: ClientConfig,
    private val clock: KubeClock,
    private val terminal: () -> Boolean = { System.console() != null },
    private val pathVariable: String? = System.getenv("PATH"),
    private val timeout: Duration = DEFAULT_TIMEOUT,
) : Authenticator, ClientKeySource {
    private val mutex = Mutex()
    private val interactiveMode = exec.interactiveMode.ifBlank { "IfAvailable" }

    @Volatile private var cached: ExecCredential? = null

    init {
        if (exec.apiVersion !in SUPPORTED_VERSIONS) {
            throw ConfigException(
                "The exec plugin ${exec.command} uses apiVersion \"${exec.apiVersion}\" (${config.source}); " +
                    "supported are ${SUPPORTED_VERSIONS.joinToString(" and ")}",
            )
        }
        if (interactiveMode !in INTERACTIVE_MODES) {
            throw ConfigException(
                "The exec plugin ${exec.command} has interactiveMode \"$interactiveMode\" (${config.source}); " +
                    "expected one of ${INTERACTIVE_MODES.joinToString()}",
            )
        }
    }

    override suspend fun authorization(): String? {
        cached?.takeUnless { it.isExpired(clock.currentTimeMillis()) }?.let { return it.header }
        return mutex.withLock {
            cached?.takeUnless { it.isExpired(clock.currentTimeMillis()) }?.let { return@withLock it.header }
            val fresh = runPlugin()
            cached = fresh
            fresh.header
        }
    }

    /** Drops the cached result when it is the one that was rejected; a new run may then succeed. */
    override suspend fun onUnauthorized(rejected: String?): Boolean = mutex.withLock {
        val current = cached
        if (current != null && current.header == rejected) {
            log.debug("Exec plugin {} credential rejected with 401; it will run again", exec.command)
            cached = null
        }
        true
    }

    /** The last returned client certificate, even past expiry: [authorization] renews it before requests. */
    override fun current(): ClientKeyMaterial? = cached?.material

    override fun toString(): String = "ExecAuthenticator(command=${exec.command}, apiVersion=${exec.apiVersion})"

    private suspend fun runPlugin(): ExecCredential {
        val interactive = when (interactiveMode) {
            "Never" -> false
            "IfAvailable" -> terminal()
            else -> terminal().also {
                if (!it) throw AuthException("The exec plugin ${exec.command} needs a terminal (interactiveMode Always) but none is attached")
            }
        }
        val executable = CommandPath.resolve(exec.command, exec.workingDirectory, pathVariable)
            ?: throw AuthException(missingMessage())
        val cluster = if (exec.provideClusterInfo) ExecCredentialJson.cluster(config, exec) else null
        val environment = exec.env + (EXEC_INFO to ExecCredentialJson.execInfo(exec.apiVersion, interactive, cluster))
        log.debug("Running exec plugin {} (interactive={})", exec.command, interactive)
        val run = try {
            ExecPluginProcess.run(listOf(executable.toString()) + exec.args, environment, interactive, timeout)
        } catch (e: IOException) {
            throw AuthException("The exec plugin ${exec.command} could not be started: ${e.message}", e)
        } ?: throw AuthException("The exec plugin ${exec.command} did not finish within $timeout and was stopped")
        if (run.exitCode != 0) throw AuthException(failureMessage(run))
        if (run.stdoutTruncated) {
            throw AuthException("The exec plugin ${exec.command} printed more than ${ExecPluginProcess.MAX_STDOUT} bytes")
        }
        return ExecCredentialJson.parse(run.stdout, exec.apiVersion, exec.command).also {
            log.debug("Exec plugin {} returned {}", exec.command, it)
        }
    }

    private fun missingMessage(): String {
        val where = CommandPath.describeSearch(exec.command, exec.workingDirectory)
        val hint = exec.installHint?.trim()?.takeIf { it.isNotEmpty() }
            ?: "No installHint is given in the kubeconfig; install the credential plugin the user entry names."
        return "The exec credential plugin \"${exec.command}\" was not found $where (${config.source}).\n$hint"
    }

    private fun failureMessage(run: ExecPluginRun): String {
        val stderr = SecretRedaction.redact(run.stderr)
        val detail = if (stderr.isEmpty()) "" else ": $stderr"
        return "The exec plugin ${exec.command} failed with exit code ${run.exitCode}$detail"
    }

    internal companion object {
        const val EXEC_INFO: String = "KUBERNETES_EXEC_INFO"
        val DEFAULT_TIMEOUT: Duration = 5.minutes
        val SUPPORTED_VERSIONS: List<String> = listOf("client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1")
        val INTERACTIVE_MODES: List<String> = listOf("Never", "IfAvailable", "Always")
        private val log = LoggerFactory.getLogger(ExecAuthenticator::class.java)
    }
}
