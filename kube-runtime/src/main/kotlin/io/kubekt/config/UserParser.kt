package io.kubekt.config

import com.charleskorn.kaml.YamlList
import com.charleskorn.kaml.YamlMap
import com.charleskorn.kaml.YamlScalar
import io.kubekt.config.YamlSection.Companion.shape
import java.io.File
import java.nio.file.InvalidPathException
import java.nio.file.Path

/** Reads the body of a kubeconfig `users` entry. */
internal object UserParser {

    fun user(name: String, u: YamlSection): KubeconfigUser = KubeconfigUser(
        name = name,
        clientCertificate = u.path("client-certificate"),
        clientCertificateData = u.base64("client-certificate-data"),
        clientKey = u.path("client-key"),
        clientKeyData = u.base64("client-key-data"),
        token = u.string("token")?.takeIf { it.isNotEmpty() },
        tokenFile = u.path("tokenFile"),
        username = u.string("username")?.takeIf { it.isNotEmpty() },
        password = u.string("password")?.takeIf { it.isNotEmpty() },
        exec = u.section("exec", "the exec section of user \"$name\"")?.let(::exec),
        authProvider = u.section("auth-provider", "the auth-provider of user \"$name\"")?.let(::authProvider),
        impersonate = u.string("as")?.takeIf { it.isNotEmpty() },
        impersonateUid = u.string("as-uid")?.takeIf { it.isNotEmpty() },
        impersonateGroups = u.stringList("as-groups"),
        impersonateUserExtra = extra(u),
        source = u.file,
    )

    private fun exec(s: YamlSection): KubeconfigExec = KubeconfigExec(
        command = s.string("command")?.takeIf { it.isNotEmpty() }?.let { command(s, it) },
        args = s.stringList("args"),
        env = env(s),
        apiVersion = s.string("apiVersion")?.takeIf { it.isNotEmpty() },
        installHint = s.string("installHint")?.takeIf { it.isNotBlank() },
        provideClusterInfo = s.boolean("provideClusterInfo"),
        interactiveMode = s.string("interactiveMode")?.takeIf { it.isNotEmpty() },
    )

    /** A command with a path separator is a path, relative to the kubeconfig; a bare name is looked up on PATH later. */
    private fun command(s: YamlSection, command: String): String {
        if ('/' !in command && File.separatorChar !in command) return command
        val path = try {
            Path.of(command)
        } catch (_: InvalidPathException) {
            s.fail("command", s.node("command"), "is not a valid file path")
        }
        return s.resolve(path).toString()
    }

    /** `env` is a list of `{name, value}`; a later duplicate name wins, as for a process environment. */
    private fun env(s: YamlSection): Map<String, String> = s.list("env").associate { item ->
        val entry = YamlSection(
            item as? YamlMap ?: s.fail("env", item, "must be a list of mappings with \"name\" and \"value\""),
            s.file,
            "an env entry of ${s.where}",
        )
        val name = entry.string("name")?.takeIf { it.isNotEmpty() } ?: entry.fail("name", item, "is required")
        name to (entry.string("value") ?: "")
    }

    private fun authProvider(s: YamlSection): KubeconfigAuthProvider = KubeconfigAuthProvider(
        name = s.string("name")?.takeIf { it.isNotEmpty() } ?: s.fail("name", s.node("name"), "is required"),
        config = s.stringMap("config"),
    )

    /** `as-user-extra`: a mapping from key to a list of values (a single string is taken as a one-item list). */
    private fun extra(u: YamlSection): Map<String, List<String>> {
        val section = u.section("as-user-extra") ?: return emptyMap()
        return section.keys().associateWith { key ->
            when (val n = section.node(key)) {
                null -> emptyList()
                is YamlScalar -> listOf(n.content)
                is YamlList -> section.stringList(key)
                else -> section.fail(key, n, "must be a list of strings, found ${shape(n)}")
            }
        }
    }
}
