package io.kubekt.config

import java.nio.file.Files
import java.nio.file.Path
import java.util.Base64

/** Writes kubeconfig files and other fixtures under [dir], and builds fake environments, for config tests. */
class KubeconfigFiles(val dir: Path) {
    /** Writes [text] to [relative] under [dir] (creating folders) and returns the path. */
    fun write(relative: String, text: String): Path {
        val path = dir.resolve(relative)
        Files.createDirectories(path.parent)
        Files.writeString(path, text.trimIndent() + "\n")
        return path
    }

    /** An environment with [variables] and a home folder (by default `dir/home`, which has no kubeconfig). */
    internal fun env(vararg variables: Pair<String, String>, home: Path? = dir.resolve("home")): HostEnvironment =
        HostEnvironment(variables.toMap(), home)

    companion object {
        fun b64(text: String): String = Base64.getEncoder().encodeToString(text.toByteArray())

        /** A minimal single-context kubeconfig talking to [server]. */
        fun simple(server: String = "https://10.0.0.1:6443", namespace: String? = null): String = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: dev-cluster
              cluster:
                server: $server
            users:
            - name: dev-user
              user:
                token: dev-token
            contexts:
            - name: dev
              context:
                cluster: dev-cluster
                user: dev-user${namespace?.let { "\n                namespace: $it" } ?: ""}
        """
    }
}
