package io.kubekt.config

import io.kubekt.error.ConfigException
import org.slf4j.LoggerFactory
import java.io.File
import java.io.IOException
import java.nio.charset.CharacterCodingException
import java.nio.file.Files
import java.nio.file.Path

/**
 * Reads kubeconfig files the way kubectl does.
 *
 * - [load] reads files named explicitly (kubectl `--kubeconfig`); each must exist.
 * - [fromEnvironment] reads the files listed in `KUBECONFIG` (split on the platform's path
 *   separator; missing files and empty entries skipped), or `~/.kube/config` when `KUBECONFIG` is
 *   unset or empty.
 *
 * Several files merge with kubectl's rules: for `clusters`, `users` and `contexts`, the first file
 * to define a name wins with its whole entry (fields are not mixed across files), and the first
 * file to set `current-context` wins. Relative paths in an entry resolve against the folder of the
 * file that names them.
 *
 * Errors are [ConfigException]s naming the file, the entry and the field, never a credential.
 */
public object KubeconfigLoader {
    /** The environment variable listing kubeconfig files. */
    public const val ENV_VAR: String = "KUBECONFIG"

    private val log = LoggerFactory.getLogger(KubeconfigLoader::class.java)

    /**
     * Reads and merges [paths], in precedence order.
     *
     * @throws ConfigException when a file is missing, unreadable or not a valid kubeconfig.
     */
    @JvmStatic
    public fun load(paths: List<Path>): Kubeconfig {
        require(paths.isNotEmpty()) { "KubeconfigLoader.load needs at least one path" }
        val parts = paths.distinctBy { it.toAbsolutePath().normalize() }.map { path ->
            if (!Files.exists(path)) {
                throw ConfigException("kubeconfig file $path does not exist (it was named explicitly)")
            }
            read(path)
        }
        return Kubeconfig.merge(parts)
    }

    /** Reads and merges [first] and [more], in that precedence order. See [load]. */
    @JvmStatic
    public fun load(first: Path, vararg more: Path): Kubeconfig = load(listOf(first, *more))

    /**
     * Reads the files named by `KUBECONFIG`, or `~/.kube/config`. Returns an empty [Kubeconfig]
     * (no [Kubeconfig.files]) when none of them exists.
     *
     * @throws ConfigException when an existing file is unreadable or not a valid kubeconfig.
     */
    @JvmStatic
    public fun fromEnvironment(): Kubeconfig = fromEnvironment(HostEnvironment.SYSTEM)

    /**
     * Parses kubeconfig text as if it were the file [origin]: relative paths resolve against
     * [origin]'s folder and entries name it as their source. The file itself is not read.
     *
     * @throws ConfigException when the text is not a valid kubeconfig.
     */
    @JvmStatic
    public fun parse(yaml: String, origin: Path): Kubeconfig = KubeconfigParser(origin).parse(yaml)

    internal fun fromEnvironment(env: HostEnvironment): Kubeconfig {
        val existing = searchPath(env).filter { path ->
            Files.exists(path).also { if (!it) log.debug("Skipping kubeconfig {}: it does not exist", path) }
        }
        if (existing.isEmpty()) return Kubeconfig.EMPTY
        return Kubeconfig.merge(existing.map(::read))
    }

    /** The files [fromEnvironment] looks at, existing or not, in precedence order. */
    internal fun searchPath(env: HostEnvironment): List<Path> {
        val fromEnv = env[ENV_VAR]?.split(File.pathSeparator).orEmpty()
            .filter { it.isNotBlank() }
            .mapNotNull { entry -> HostEnvironment.pathOrNull(entry).also { if (it == null) log.warn("Ignoring $ENV_VAR entry that is not a valid path") } }
            .distinctBy { it.toAbsolutePath().normalize() }
        if (fromEnv.isNotEmpty()) return fromEnv
        return listOfNotNull(env.home?.resolve(".kube")?.resolve("config"))
    }

    /** What [fromEnvironment] looked at, for "nothing found" messages. */
    internal fun describeSearch(env: HostEnvironment): String {
        val paths = searchPath(env)
        return when {
            env[ENV_VAR] != null && paths.isNotEmpty() -> "$ENV_VAR files ${paths.joinToString(", ")} (none exists)"
            paths.isNotEmpty() -> "${paths.single()} (does not exist; $ENV_VAR is not set)"
            else -> "no kubeconfig ($ENV_VAR is not set and the home folder is unknown)"
        }
    }

    private fun read(path: Path): Kubeconfig {
        if (!Files.isRegularFile(path)) throw ConfigException("kubeconfig $path is not a regular file")
        val text = try {
            Files.readString(path)
        } catch (e: CharacterCodingException) {
            throw ConfigException("kubeconfig $path is not UTF-8 text")
        } catch (e: IOException) {
            throw ConfigException("cannot read kubeconfig $path: ${e.javaClass.simpleName}", e)
        }
        log.debug("Read kubeconfig {}", path)
        return KubeconfigParser(path).parse(text)
    }
}
