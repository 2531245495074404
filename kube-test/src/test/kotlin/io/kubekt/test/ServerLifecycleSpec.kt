package io.kubekt.test

import com.charleskorn.kaml.Yaml
import com.charleskorn.kaml.YamlMap
import com.charleskorn.kaml.YamlScalar
import com.charleskorn.kaml.YamlList
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.test.support.TestClient
import java.net.ConnectException
import java.net.http.HttpClient
import java.util.Base64

class ServerLifecycleSpec : FunSpec({
    test("serves HTTPS on an ephemeral loopback port with HTTP/2 negotiated by ALPN") {
        KubeTestServer.start().use { server ->
            server.url shouldStartWith "https://127.0.0.1:"
            val reply = TestClient(server).get("/api/v1/namespaces")
            reply.code shouldBe 200
            reply.version shouldBe HttpClient.Version.HTTP_2
            reply.header("content-type") shouldBe "application/json"
        }
    }

    test("falls back to HTTP/1.1 over TLS for a client that does not offer HTTP/2") {
        KubeTestServer.start().use { server ->
            val reply = TestClient(server, version = HttpClient.Version.HTTP_1_1).get("/api/v1/namespaces/default")
            reply.code shouldBe 200
            reply.version shouldBe HttpClient.Version.HTTP_1_1
        }
    }

    test("serves plain HTTP when TLS is off") {
        KubeTestServer.start { https(false) }.use { server ->
            server.url shouldStartWith "http://127.0.0.1:"
            TestClient(server).get("/api/v1/namespaces/default").code shouldBe 200
        }
    }

    test("presents a serving certificate for localhost and 127.0.0.1 signed by the exposed CA") {
        KubeTestServer.start().use { server ->
            val ca = TestClient.certificate(server.caCertificatePem)
            ca.basicConstraints shouldBe Int.MAX_VALUE
            val socket = TestClient.sslContext(server.caCertificatePem, null).socketFactory.createSocket("127.0.0.1", server.port)
                as javax.net.ssl.SSLSocket
            socket.use {
                it.startHandshake()
                val leaf = it.session.peerCertificates.first() as java.security.cert.X509Certificate
                leaf.verify(ca.publicKey)
                leaf.subjectAlternativeNames.map { san -> san[1].toString() } shouldContainAll listOf("localhost", "127.0.0.1")
            }
        }
    }

    test("stops listening when closed") {
        val server = KubeTestServer.start { https(false) }
        val client = TestClient(server)
        client.get("/version").code shouldBe 200
        server.close()
        shouldThrow<ConnectException> { client.get("/version") }
    }

    test("starts with the namespaces every cluster has") {
        KubeTestServer.start().use { server ->
            val names = TestClient(server).get("/api/v1/namespaces").json["items"].toString()
            listOf("default", "kube-system", "kube-public", "kube-node-lease").forEach { names.contains("\"$it\"") shouldBe true }
        }
    }

    test("writes a kubeconfig with the CA, the server and the chosen credentials") {
        KubeTestServer.start { token("secret-token", "alice") }.use { server ->
            val root = Yaml.default.parseToYamlNode(server.kubeconfigWithToken("secret-token")) as YamlMap
            val cluster = ((root.get<YamlList>("clusters")!!.items[0] as YamlMap).get<YamlMap>("cluster"))!!
            cluster.get<YamlScalar>("server")!!.content shouldBe server.url
            String(Base64.getDecoder().decode(cluster.get<YamlScalar>("certificate-authority-data")!!.content)) shouldBe server.caCertificatePem
            val user = ((root.get<YamlList>("users")!!.items[0] as YamlMap).get<YamlMap>("user"))!!
            user.get<YamlScalar>("token")!!.content shouldBe "secret-token"
            root.get<YamlScalar>("current-context")!!.content shouldBe "kube-test"
        }
    }
})
