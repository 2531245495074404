package io.kubekt.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.config.ClientConfig
import io.kubekt.config.ExecConfig
import io.kubekt.error.AuthException
import io.kubekt.error.ConfigException
import io.kubekt.testing.FakeClock
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.withContext
import java.time.Instant
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

class ExecAuthenticatorSpec : FunSpec({
    val config = ClientConfig { server = "https://10.0.0.1:6443"; source = "context \"dev\" in /tmp/kubeconfig" }

    fun exec(plugins: PluginDir, apiVersion: String = PluginDir.V1, command: String = plugins.plugin().toString()) =
        ExecConfig(command = command, apiVersion = apiVersion, interactiveMode = "Never")

    test("runs a v1 plugin and sends its token") {
        PluginDir().use { plugins ->
            plugins.respondToken(PluginDir.V1)
            val auth = ExecAuthenticator(exec(plugins), config, FakeClock())
            auth.authorization() shouldBe "Bearer tok-1"
        }
    }

    test("runs a v1beta1 plugin and sends its token") {
        PluginDir().use { plugins ->
            plugins.respondToken(PluginDir.V1BETA1)
            val auth = ExecAuthenticator(exec(plugins, PluginDir.V1BETA1), config, FakeClock())
            auth.authorization() shouldBe "Bearer tok-1"
        }
    }

    test("caches the token until expirationTimestamp and runs the plugin again after it") {
        PluginDir().use { plugins ->
            val clock = FakeClock()
            plugins.respondToken(expires = Instant.ofEpochMilli(clock.currentTimeMillis()).plusSeconds(600))
            val auth = ExecAuthenticator(exec(plugins), config, clock)
            auth.authorization() shouldBe "Bearer tok-1"
            clock.advance(9.minutes)
            auth.authorization() shouldBe "Bearer tok-1"
            plugins.runs() shouldBe 1
            clock.advance(1.minutes)
            auth.authorization() shouldBe "Bearer tok-2"
            plugins.runs() shouldBe 2
        }
    }

    test("keeps a token without expirationTimestamp for the client's life") {
        PluginDir().use { plugins ->
            val clock = FakeClock()
            plugins.respondToken()
            val auth = ExecAuthenticator(exec(plugins), config, clock)
            auth.authorization()
            clock.advance((24 * 365).minutes * 60)
            auth.authorization() shouldBe "Bearer tok-1"
            plugins.runs() shouldBe 1
        }
    }

    test("runs the plugin again after a 401 rejected its token") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val auth = ExecAuthenticator(exec(plugins), config, FakeClock())
            val first = auth.authorization()
            auth.onUnauthorized(first) shouldBe true
            auth.authorization() shouldBe "Bearer tok-2"
            // A late 401 for the old token does not throw away the new one.
            auth.onUnauthorized(first) shouldBe true
            auth.authorization() shouldBe "Bearer tok-2"
            plugins.runs() shouldBe 2
        }
    }

    test("concurrent first calls run the plugin once") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val auth = ExecAuthenticator(exec(plugins, command = plugins.plugin(extra = "sleep 1").toString()), config, FakeClock())
            val headers = withContext(Dispatchers.Default) {
                coroutineScope { (1..16).map { async { auth.authorization() } }.awaitAll() }
            }
            headers.toSet() shouldBe setOf("Bearer tok-1")
            plugins.runs() shouldBe 1
        }
    }

    test("rejects an answer whose apiVersion is not the requested one") {
        PluginDir().use { plugins ->
            plugins.respondToken(PluginDir.V1BETA1)
            val auth = ExecAuthenticator(exec(plugins, PluginDir.V1), config, FakeClock())
            val e = shouldThrow<AuthException> { auth.authorization() }
            e.message shouldContain "apiVersion \"${PluginDir.V1BETA1}\""
            e.message shouldContain PluginDir.V1
        }
    }

    test("rejects output that is not an ExecCredential without quoting it") {
        PluginDir().use { plugins ->
            val script = plugins.script("bad.sh", "echo '{\"kind\":\"Secret\",\"data\":\"s3cr3t-value-0123456789\"'")
            val e = shouldThrow<AuthException> { ExecAuthenticator(exec(plugins, command = script.toString()), config, FakeClock()).authorization() }
            e.message shouldContain "did not print an ExecCredential"
            e.stackTraceToString() shouldNotContain "s3cr3t"
        }
    }

    test("a missing command names the command and shows the installHint") {
        val exec = ExecConfig(
            command = "kubekt-no-such-plugin", apiVersion = PluginDir.V1, interactiveMode = "Never",
            installHint = "Install it with: brew install kubekt-no-such-plugin",
        )
        val e = shouldThrow<AuthException> { ExecAuthenticator(exec, config, FakeClock()).authorization() }
        e.message shouldContain "\"kubekt-no-such-plugin\" was not found on PATH"
        e.message shouldContain "Install it with: brew install kubekt-no-such-plugin"
        e.message shouldContain "context \"dev\""
    }

    test("a failing plugin reports its exit code and redacted stderr") {
        PluginDir().use { plugins ->
            val jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA"
            val script = plugins.script(
                "fail.sh",
                """
                echo "refresh failed for token $jwt" >&2
                echo "password=hunter2 and session 4f9a8c7d6e5b4a3f2e1d0c9b8a7f6e5d" >&2
                echo "error: you must log in again" >&2
                exit 3
                """.trimIndent(),
            )
            val e = shouldThrow<AuthException> { ExecAuthenticator(exec(plugins, command = script.toString()), config, FakeClock()).authorization() }
            e.message shouldContain "exit code 3"
            e.message shouldContain "error: you must log in again"
            e.message shouldContain "refresh failed for token <redacted>"
            e.message shouldNotContain jwt
            e.message shouldNotContain "hunter2"
            e.message shouldNotContain "4f9a8c7d6e5b4a3f2e1d0c9b8a7f6e5d"
        }
    }

    test("resolves a relative command against the kubeconfig's folder") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            plugins.plugin("bin/plugin.sh")
            val exec = ExecConfig(command = "bin/plugin.sh", apiVersion = PluginDir.V1, interactiveMode = "Never", workingDirectory = plugins.dir)
            ExecAuthenticator(exec, config, FakeClock()).authorization() shouldBe "Bearer tok-1"
        }
    }

    test("finds a bare command name on PATH") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            plugins.plugin("kubekt-test-plugin")
            val exec = ExecConfig(command = "kubekt-test-plugin", apiVersion = PluginDir.V1, interactiveMode = "Never")
            val auth = ExecAuthenticator(exec, config, FakeClock(), pathVariable = "/nonexistent:${plugins.dir}")
            auth.authorization() shouldBe "Bearer tok-1"
        }
    }

    test("interactiveMode Always without a terminal fails clearly") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val exec = exec(plugins).copy(interactiveMode = "Always")
            val e = shouldThrow<AuthException> { ExecAuthenticator(exec, config, FakeClock(), terminal = { false }).authorization() }
            e.message shouldContain "needs a terminal"
            plugins.runs() shouldBe 0
        }
    }

    test("an unsupported apiVersion or interactiveMode is a configuration error") {
        val v1alpha1 = ExecConfig(command = "x", apiVersion = "client.authentication.k8s.io/v1alpha1")
        shouldThrow<ConfigException> { ExecAuthenticator(v1alpha1, config, FakeClock()) }.message shouldContain "v1alpha1"
        val sometimes = ExecConfig(command = "x", apiVersion = PluginDir.V1, interactiveMode = "Sometimes")
        shouldThrow<ConfigException> { ExecAuthenticator(sometimes, config, FakeClock()) }.message shouldContain "Sometimes"
    }

    test("a plugin that outlives the timeout is stopped") {
        PluginDir().use { plugins ->
            val script = plugins.script("slow.sh", "echo $$ > \"\$DIR/pid\"\nsleep 30")
            val auth = ExecAuthenticator(exec(plugins, command = script.toString()), config, FakeClock(), timeout = 1.seconds)
            val e = shouldThrow<AuthException> { auth.authorization() }
            e.message shouldContain "did not finish within 1s"
            ProcessTree.awaitGone(plugins.file("pid"))
        }
    }
})
