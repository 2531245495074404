package io.kubekt.auth

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kubekt.config.ClientConfig
import io.kubekt.config.ExecConfig
import io.kubekt.config.PemSource
import io.kubekt.config.TlsConfig
import io.kubekt.testing.FakeClock
import io.kubekt.testing.TestCertificates
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runInterruptible
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.nio.file.Files
import java.security.interfaces.ECPrivateKey
import java.util.Base64

class ExecPluginEnvironmentSpec : FunSpec({
    fun info(plugins: PluginDir): JsonObject = Json.parseToJsonElement(Files.readString(plugins.file("info.json"))).jsonObject

    test("KUBERNETES_EXEC_INFO carries the cluster when provideClusterInfo is set") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val ca = TestCertificates.ca()
            val config = ClientConfig {
                server = "https://10.0.0.1:6443"
                tls = TlsConfig(certificateAuthority = PemSource.Data(ca.certPem.toByteArray()), serverName = "api.internal")
                proxyUrl = "http://proxy.local:3128"
            }
            val exec = ExecConfig(
                command = plugins.plugin().toString(), apiVersion = PluginDir.V1, interactiveMode = "Never",
                provideClusterInfo = true, clusterConfigJson = """{"audience":"kubekt"}""",
            )
            ExecAuthenticator(exec, config, FakeClock()).authorization()
            val info = info(plugins)
            info["apiVersion"]!!.jsonPrimitive.content shouldBe PluginDir.V1
            info["kind"]!!.jsonPrimitive.content shouldBe "ExecCredential"
            val spec = info["spec"]!!.jsonObject
            spec["interactive"]!!.jsonPrimitive.boolean shouldBe false
            val cluster = spec["cluster"]!!.jsonObject
            cluster["server"]!!.jsonPrimitive.content shouldBe "https://10.0.0.1:6443"
            cluster["tls-server-name"]!!.jsonPrimitive.content shouldBe "api.internal"
            cluster["proxy-url"]!!.jsonPrimitive.content shouldBe "http://proxy.local:3128"
            cluster["insecure-skip-tls-verify"].shouldBeNull()
            String(Base64.getDecoder().decode(cluster["certificate-authority-data"]!!.jsonPrimitive.content)) shouldBe ca.certPem
            cluster["config"]!!.jsonObject["audience"]!!.jsonPrimitive.content shouldBe "kubekt"
        }
    }

    test("KUBERNETES_EXEC_INFO reads a CA file and flags insecure-skip-tls-verify") {
        PluginDir().use { plugins ->
            plugins.respondToken(PluginDir.V1BETA1)
            val ca = TestCertificates.ca()
            val caFile = plugins.file("ca.crt").also { Files.writeString(it, ca.certPem) }
            val config = ClientConfig {
                server = "https://10.0.0.1:6443"
                tls = TlsConfig(certificateAuthority = PemSource.File(caFile), insecureSkipTlsVerify = true)
            }
            val exec = ExecConfig(command = plugins.plugin().toString(), apiVersion = PluginDir.V1BETA1, provideClusterInfo = true)
            ExecAuthenticator(exec, config, FakeClock(), terminal = { false }).authorization()
            val cluster = info(plugins)["spec"]!!.jsonObject["cluster"]!!.jsonObject
            cluster["insecure-skip-tls-verify"]!!.jsonPrimitive.boolean shouldBe true
            String(Base64.getDecoder().decode(cluster["certificate-authority-data"]!!.jsonPrimitive.content)) shouldBe ca.certPem
        }
    }

    test("KUBERNETES_EXEC_INFO has no cluster without provideClusterInfo, and says when interactive") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val config = ClientConfig { server = "https://10.0.0.1:6443" }
            val exec = ExecConfig(command = plugins.plugin().toString(), apiVersion = PluginDir.V1, interactiveMode = "IfAvailable")
            ExecAuthenticator(exec, config, FakeClock(), terminal = { true }).authorization()
            val spec = info(plugins)["spec"]!!.jsonObject
            spec["cluster"].shouldBeNull()
            spec["interactive"]!!.jsonPrimitive.boolean shouldBe true
        }
    }

    test("the plugin gets its env entries on top of this process's environment") {
        PluginDir().use { plugins ->
            plugins.respondToken()
            val script = plugins.plugin(extra = "printf '%s|%s|%s' \"\$KUBEKT_A\" \"\$1\" \"\${PATH:+has-path}\" > \"\$DIR/env.txt\"")
            val exec = ExecConfig(
                command = script.toString(), args = listOf("first-arg"), env = mapOf("KUBEKT_A" to "value a"),
                apiVersion = PluginDir.V1, interactiveMode = "Never",
            )
            ExecAuthenticator(exec, ClientConfig { server = "https://h" }, FakeClock()).authorization()
            Files.readString(plugins.file("env.txt")) shouldBe "value a|first-arg|has-path"
        }
    }

    test("cancelling the caller kills the plugin and what it started") {
        PluginDir().use { plugins ->
            val script = plugins.script("hang.sh", "echo $$ > \"\$DIR/pid\"\nsleep 30 &\necho $! > \"\$DIR/child\"\nwait")
            val exec = ExecConfig(command = script.toString(), apiVersion = PluginDir.V1, interactiveMode = "Never")
            val auth = ExecAuthenticator(exec, ClientConfig { server = "https://h" }, FakeClock())
            val job = launch(Dispatchers.Default) { auth.authorization() }
            runInterruptible(Dispatchers.IO) { ProcessTree.awaitFile(plugins.file("child")) }
            job.cancel()
            job.join()
            ProcessTree.awaitGone(plugins.file("pid"))
            ProcessTree.awaitGone(plugins.file("child"))
        }
    }

    test("a certificate result is served by the key manager") {
        PluginDir().use { plugins ->
            val ca = TestCertificates.ca()
            val alice = TestCertificates.client(ca, "alice")
            plugins.respond(
                PluginDir.credential(PluginDir.V1) {
                    put("clientCertificateData", kotlinx.serialization.json.JsonPrimitive(alice.certPem))
                    put("clientKeyData", kotlinx.serialization.json.JsonPrimitive(alice.keyPemTraditional))
                },
            )
            val exec = ExecConfig(command = plugins.plugin().toString(), apiVersion = PluginDir.V1, interactiveMode = "Never")
            val auth = Authenticators.forConfig(ClientConfig { server = "https://h"; credentials = io.kubekt.config.Credentials.Exec(exec) })
            val keyManager = auth.keyManager.shouldNotBeNull()
            keyManager.chooseClientAlias(arrayOf("EC"), null, null).shouldBeNull()
            auth.authorization().shouldBeNull()
            val alias = keyManager.chooseClientAlias(arrayOf("EC"), null, null).shouldNotBeNull()
            keyManager.getCertificateChain(alias).toList() shouldBe listOf(alice.certificate)
            (keyManager.getPrivateKey(alias) as ECPrivateKey).s shouldBe (alice.privateKey as ECPrivateKey).s
        }
    }
})
