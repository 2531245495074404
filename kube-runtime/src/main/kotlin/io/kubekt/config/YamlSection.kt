package io.kubekt.config

import com.charleskorn.kaml.YamlList
import com.charleskorn.kaml.YamlMap
import com.charleskorn.kaml.YamlNode
import com.charleskorn.kaml.YamlNull
import com.charleskorn.kaml.YamlScalar
import com.charleskorn.kaml.YamlTaggedNode
import io.kubekt.error.ConfigException
import java.nio.file.InvalidPathException
import java.nio.file.Path
import java.util.Base64

/**
 * Typed, forgiving reads from one YAML mapping of a kubeconfig [file]: absent and null keys read as
 * absent, unknown keys are never looked at, and a value of the wrong shape is a [ConfigException]
 * naming the field, [where] it is (e.g. `cluster "dev"`), the file and the line — never the value.
 */
internal class YamlSection(private val map: YamlMap, val file: Path, val where: String) {

    /** The value under [key], unwrapped from tags; null when absent or null. */
    fun node(key: String): YamlNode? = map.get<YamlNode>(key)?.unwrapped()

    fun string(key: String): String? = when (val n = node(key)) {
        null -> null
        is YamlScalar -> n.content
        else -> fail(key, n, "must be a string, found ${shape(n)}")
    }

    /** YAML 1.1 booleans as Kubernetes' YAML reader takes them; absent is false. */
    fun boolean(key: String): Boolean {
        val text = string(key) ?: return false
        return when (text.lowercase()) {
            "true", "yes", "on", "y" -> true
            "false", "no", "off", "n", "" -> false
            else -> fail(key, node(key), "must be true or false")
        }
    }

    fun section(key: String, where: String = "\"$key\" of ${this.where}"): YamlSection? = when (val n = node(key)) {
        null -> null
        is YamlMap -> YamlSection(n, file, where)
        else -> fail(key, n, "must be a mapping, found ${shape(n)}")
    }

    fun list(key: String): List<YamlNode> = when (val n = node(key)) {
        null -> emptyList()
        is YamlList -> n.items.mapNotNull { it.unwrapped() }
        else -> fail(key, n, "must be a list, found ${shape(n)}")
    }

    fun stringList(key: String): List<String> = list(key).map { item ->
        (item as? YamlScalar)?.content ?: fail(key, item, "must be a list of strings, found ${shape(item)} in it")
    }

    fun stringMap(key: String): Map<String, String> {
        val sub = section(key) ?: return emptyMap()
        return sub.keys().associateWith { k -> sub.string(k) ?: "" }
    }

    fun keys(): List<String> = map.entries.keys.map { it.content }

    /** A file path; a relative one resolves against the folder of [file]. Empty reads as absent. */
    fun path(key: String): Path? {
        val text = string(key)?.takeIf { it.isNotEmpty() } ?: return null
        val path = try {
            Path.of(text)
        } catch (_: InvalidPathException) {
            fail(key, node(key), "is not a valid file path")
        }
        return resolve(path)
    }

    fun resolve(path: Path): Path =
        if (path.isAbsolute) path else (file.toAbsolutePath().parent ?: Path.of("")).resolve(path).normalize()

    /** A base64 `*-data` field, decoded. Whitespace and line breaks are ignored, as Go does. */
    fun base64(key: String): PemSource.Data? {
        val text = string(key)?.filterNot { it.isWhitespace() }?.takeIf { it.isNotEmpty() } ?: return null
        val bytes = try {
            Base64.getDecoder().decode(text)
        } catch (_: IllegalArgumentException) {
            fail(key, node(key), "is not valid base64")
        }
        return PemSource.Data(bytes)
    }

    /** Throws a [ConfigException] about [key]; [problem] must not contain the value. */
    fun fail(key: String, node: YamlNode?, problem: String): Nothing {
        val line = node?.location?.line?.let { " (line $it)" } ?: ""
        throw ConfigException("field \"$key\" of $where in $file$line $problem")
    }

    /** The line of this mapping, for messages. */
    val line: Int get() = map.location.line

    companion object {
        fun YamlNode.unwrapped(): YamlNode? = when (this) {
            is YamlTaggedNode -> innerNode.unwrapped()
            is YamlNull -> null
            else -> this
        }

        fun shape(node: YamlNode?): String = when (node) {
            is YamlMap -> "a mapping"
            is YamlList -> "a list"
            is YamlScalar -> "a scalar"
            else -> "nothing"
        }
    }
}
