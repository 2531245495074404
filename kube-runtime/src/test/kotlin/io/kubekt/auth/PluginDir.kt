package io.kubekt.auth

import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.Instant

/**
 * A temp folder holding real `/bin/sh` exec plugins for tests. [plugin] writes a script that counts
 * its runs in `count`, records `KUBERNETES_EXEC_INFO` in `info.json`, and prints `response.json`
 * with `@N@` replaced by the run number — so tests control the answer and see each run.
 */
class PluginDir : AutoCloseable {
    val dir: Path = Files.createTempDirectory("kubekt-exec")

    fun script(name: String, body: String): Path {
        val file = dir.resolve(name)
        Files.createDirectories(file.parent)
        Files.writeString(file, "#!/bin/sh\nDIR='$dir'\n$body\n")
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"))
        return file
    }

    /** The counting plugin described above, with [extra] shell lines run before it answers. */
    fun plugin(name: String = "plugin.sh", extra: String = ""): Path = script(
        name,
        """
        n=${'$'}(cat "${'$'}DIR/count" 2>/dev/null || echo 0)
        n=${'$'}((n+1))
        echo "${'$'}n" > "${'$'}DIR/count"
        printf '%s' "${'$'}KUBERNETES_EXEC_INFO" > "${'$'}DIR/info.json"
        $extra
        sed "s/@N@/${'$'}n/g" "${'$'}DIR/response.json"
        """.trimIndent(),
    )

    fun respond(json: JsonObject) {
        Files.writeString(dir.resolve("response.json"), json.toString())
    }

    /** Answers with token `tok-<run>` expiring at [expires] (none when null). */
    fun respondToken(apiVersion: String = V1, expires: Instant? = null) = respond(
        credential(apiVersion) {
            put("token", "tok-@N@")
            expires?.let { put("expirationTimestamp", it.toString()) }
        },
    )

    fun runs(): Int = dir.resolve("count").takeIf(Files::exists)?.let { Files.readString(it).trim().toInt() } ?: 0

    fun file(name: String): Path = dir.resolve(name)

    override fun close() {
        dir.toFile().deleteRecursively()
    }

    companion object {
        const val V1 = "client.authentication.k8s.io/v1"
        const val V1BETA1 = "client.authentication.k8s.io/v1beta1"

        fun credential(apiVersion: String, status: kotlinx.serialization.json.JsonObjectBuilder.() -> Unit): JsonObject =
            buildJsonObject {
                put("apiVersion", apiVersion)
                put("kind", "ExecCredential")
                put("status", buildJsonObject(status))
            }
    }
}
