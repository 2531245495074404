package io.kubekt.config

import java.nio.file.InvalidPathException
import java.nio.file.Path

/**
 * The process environment the loaders read: environment variables and the home folder. Tests pass
 * their own instead of touching the real ones.
 */
internal class HostEnvironment(private val variables: Map<String, String>, home: Path?) {
    /** The user's home folder, or null when it cannot be determined. */
    val home: Path? = home

    /** The variable's value, or null when it is unset or empty. */
    operator fun get(name: String): String? = variables[name]?.takeIf { it.isNotEmpty() }

    companion object {
        /** The real process environment; home is `HOME`, then `USERPROFILE`, then `user.home`. */
        val SYSTEM: HostEnvironment by lazy {
            val env = System.getenv()
            val home = listOfNotNull(env["HOME"], env["USERPROFILE"], System.getProperty("user.home"))
                .firstOrNull { it.isNotBlank() }
                ?.let { runCatching { Path.of(it) }.getOrNull() }
            HostEnvironment(env, home)
        }

        /** Parses a path from the environment, or null when the text is not a valid path. */
        fun pathOrNull(text: String): Path? = try {
            Path.of(text)
        } catch (_: InvalidPathException) {
            null
        }
    }
}
