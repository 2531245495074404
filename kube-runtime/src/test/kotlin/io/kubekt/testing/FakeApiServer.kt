package io.kubekt.testing

import com.sun.net.httpserver.HttpExchange
import java.nio.file.Files
import java.nio.file.Path
import java.util.Base64

/**
 * A [TestHttpsServer] answering a few API paths the way an API server does, plus a kubeconfig
 * file pointing at it (CA data and a bearer token, or a client certificate), for end-to-end tests
 * of the public client. Usable from Java.
 */
class FakeApiServer @JvmOverloads constructor(
    val token: String = "e2e-token-${System.nanoTime()}",
    requireClientCert: Boolean = false,
) : AutoCloseable {
    val ca: Issued = TestCertificates.ca()
    val clientCert: Issued = TestCertificates.client(ca, "alice", listOf("devs"))
    val server: TestHttpsServer = TestHttpsServer(TestCertificates.server(ca), ca, if (requireClientCert) ca else null) { r, ex -> answer(r, ex) }

    /** Writes a kubeconfig for this server into [dir]; [withToken] false omits the token (client-cert only). */
    @JvmOverloads
    fun writeKubeconfig(dir: Path, withToken: Boolean = true, withClientCert: Boolean = false): Path {
        val b64 = { s: String -> Base64.getEncoder().encodeToString(s.toByteArray()) }
        val user = buildString {
            if (withToken) append("    token: $token\n")
            if (withClientCert) {
                append("    client-certificate-data: ${b64(clientCert.certPem)}\n")
                append("    client-key-data: ${b64(clientCert.keyPemPkcs8)}\n")
            }
            if (isEmpty()) append("    {}\n")
        }
        val yaml = """
            |apiVersion: v1
            |kind: Config
            |current-context: e2e
            |clusters:
            |- name: e2e
            |  cluster:
            |    server: ${server.url}
            |    certificate-authority-data: ${b64(ca.certPem)}
            |users:
            |- name: e2e-user
            |  user:
            |${user.trimEnd().lines().joinToString("\n|")}
            |contexts:
            |- name: e2e
            |  context:
            |    cluster: e2e
            |    user: e2e-user
            |    namespace: team-a
            |""".trimMargin()
        return Files.writeString(dir.resolve("kubeconfig"), yaml)
    }

    private fun answer(request: RecordedRequest, exchange: HttpExchange) {
        val auth = request.header("authorization")
        if (auth != null && auth != "Bearer $token") return exchange.reply(401, STATUS_401)
        val path = request.pathAndQuery.substringBefore('?')
        when {
            path == "/version" -> exchange.reply(200, """{"major":"1","minor":"36","gitVersion":"v1.36.0"}""")
            path == "/api/v1/namespaces/kube-system/pods" -> exchange.reply(200, POD_LIST)
            path == "/api/v1/namespaces/kube-system/pods/etcd" -> exchange.reply(200, POD)
            path.startsWith("/api/v1/namespaces/kube-system/pods/") -> exchange.reply(404, STATUS_404)
            else -> exchange.reply(404, STATUS_404)
        }
    }

    override fun close() = server.close()

    companion object {
        const val POD = """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"etcd","namespace":"kube-system","resourceVersion":"7"},"status":{"phase":"Running"}}"""
        const val POD_LIST = """{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"c2"},"items":[$POD,{"kind":"Pod","apiVersion":"v1","metadata":{"name":"coredns","namespace":"kube-system","resourceVersion":"8"},"status":{"phase":"Pending"}}]}"""
        const val STATUS_404 = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"nope\" not found","reason":"NotFound","details":{"name":"nope","kind":"pods"},"code":404}"""
        const val STATUS_401 = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"""
    }
}
