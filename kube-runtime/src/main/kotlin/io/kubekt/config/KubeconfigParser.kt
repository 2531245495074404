package io.kubekt.config

import com.charleskorn.kaml.AnchorsAndAliases
import com.charleskorn.kaml.EmptyYamlDocumentException
import com.charleskorn.kaml.Yaml
import com.charleskorn.kaml.YamlConfiguration
import com.charleskorn.kaml.YamlException
import com.charleskorn.kaml.YamlMap
import com.charleskorn.kaml.YamlNode
import io.kubekt.config.YamlSection.Companion.shape
import io.kubekt.config.YamlSection.Companion.unwrapped
import io.kubekt.error.ConfigException
import kotlinx.serialization.json.JsonNull
import java.nio.file.Path

/** Parses the text of one kubeconfig file into a [Kubeconfig] whose entries all come from [file]. */
internal class KubeconfigParser(private val file: Path) {

    fun parse(text: String): Kubeconfig {
        val root = parseTree(text) ?: return Kubeconfig(listOf(file), emptyMap(), emptyMap(), emptyMap(), null)
        val top = YamlSection(root, file, "the kubeconfig")
        return Kubeconfig(
            files = listOf(file),
            clusters = named(top, "clusters", "cluster", ::cluster),
            users = named(top, "users", "user", UserParser::user),
            contexts = named(top, "contexts", "context", ::context),
            currentContext = top.string("current-context")?.takeIf { it.isNotEmpty() },
        )
    }

    private fun parseTree(text: String): YamlMap? {
        if (text.isBlank()) return null
        val node: YamlNode = try {
            yaml.parseToYamlNode(text)
        } catch (_: EmptyYamlDocumentException) {
            return null
        } catch (e: YamlException) {
            // The parser's message quotes the offending lines, which can hold a token: only its
            // unindented lines (the problems) and the position are kept, and the cause is dropped.
            val problem = e.message.lineSequence()
                .filter { it.isNotBlank() && !it.first().isWhitespace() }
                .joinToString("; ") { it.substringBefore(" at line ").trim() }
            throw ConfigException("$file is not a valid kubeconfig: malformed YAML at line ${e.line}, column ${e.column}: $problem")
        }
        return when (val n = node.unwrapped()) {
            null -> null
            is YamlMap -> n
            else -> throw ConfigException("$file is not a valid kubeconfig: expected a YAML mapping at the top, found ${shape(n)}")
        }
    }

    /** Reads a list of `{name: ..., <kind>: {...}}` entries; a duplicate name is an error, as in client-go. */
    private fun <T> named(
        top: YamlSection,
        listKey: String,
        kind: String,
        read: (name: String, body: YamlSection) -> T,
    ): Map<String, T> {
        val out = LinkedHashMap<String, T>()
        val lines = HashMap<String, Int>()
        for (item in top.list(listKey)) {
            val entry = item as? YamlMap
                ?: top.fail(listKey, item, "must be a list of mappings with \"name\" and \"$kind\", found ${shape(item)} in it")
            val at = YamlSection(entry, file, "a $kind entry")
            val name = at.string("name")?.takeIf { it.isNotEmpty() }
                ?: throw ConfigException("$kind entry at line ${at.line} of $file has no name")
            lines[name]?.let { first ->
                throw ConfigException("$file names $kind \"$name\" twice (lines $first and ${at.line})")
            }
            lines[name] = at.line
            val body = at.section(kind, "$kind \"$name\"") ?: YamlSection(YamlMap(emptyMap(), entry.path), file, "$kind \"$name\"")
            out[name] = read(name, body)
        }
        return out
    }

    private fun cluster(name: String, s: YamlSection) = KubeconfigCluster(
        name = name,
        server = s.string("server")?.takeIf { it.isNotEmpty() },
        certificateAuthority = s.path("certificate-authority"),
        certificateAuthorityData = s.base64("certificate-authority-data"),
        insecureSkipTlsVerify = s.boolean("insecure-skip-tls-verify"),
        tlsServerName = s.string("tls-server-name")?.takeIf { it.isNotEmpty() },
        proxyUrl = s.string("proxy-url")?.takeIf { it.isNotEmpty() },
        disableCompression = s.boolean("disable-compression"),
        extensions = extensions(s),
        source = file,
    )

    private fun extensions(s: YamlSection) = s.list("extensions").associate { item ->
        val entry = YamlSection(
            item as? YamlMap ?: s.fail("extensions", item, "must be a list of mappings with \"name\" and \"extension\""),
            file,
            "an extension of ${s.where}",
        )
        val name = entry.string("name") ?: entry.fail("name", item, "is required")
        name to (entry.node("extension")?.let(YamlJson::toJson) ?: JsonNull)
    }

    private fun context(name: String, s: YamlSection) = KubeconfigContext(
        name = name,
        cluster = s.string("cluster")?.takeIf { it.isNotEmpty() },
        user = s.string("user")?.takeIf { it.isNotEmpty() },
        namespace = s.string("namespace")?.takeIf { it.isNotEmpty() },
        source = file,
    )

    private companion object {
        /** Anchors are allowed (some generated kubeconfigs use them) with a cap against alias bombs. */
        val yaml = Yaml(configuration = YamlConfiguration(anchorsAndAliases = AnchorsAndAliases.Permitted(100u)))
    }
}
