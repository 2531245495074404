package io.kubekt.test

import io.kotest.assertions.throwables.shouldThrowAny
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject

private const val REVIEW = """{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}"""

private fun TestClient.whoAmI(): Pair<String, List<String>> {
    val reply = post("/apis/authentication.k8s.io/v1/selfsubjectreviews", REVIEW)
    reply.code shouldBe 201
    val info = reply.json["status"]!!.jsonObject["userInfo"]!!.jsonObject
    return (info["username"] as JsonPrimitive).content to (info["groups"] as JsonArray).map { (it as JsonPrimitive).content }
}

class AuthenticationSpec : FunSpec({
    test("requests without credentials are system:anonymous when anonymous access is on") {
        KubeTestServer.start().use { server ->
            TestClient(server).whoAmI() shouldBe ("system:anonymous" to listOf("system:unauthenticated"))
        }
    }

    test("a known bearer token authenticates its user and groups") {
        KubeTestServer.start { token("t-alice", "alice", "devs") }.use { server ->
            TestClient(server, token = "t-alice").whoAmI() shouldBe ("alice" to listOf("devs", "system:authenticated"))
        }
    }

    test("an unknown bearer token gets the 401 Status of a real server even with anonymous access on") {
        KubeTestServer.start { token("t-alice", "alice") }.use { server ->
            val reply = TestClient(server, token = "wrong").get("/api/v1/namespaces/default/configmaps")
            reply.code shouldBe 401
            reply.header("content-type") shouldBe "application/json"
            reply.json shouldBe Transcripts.status("52-unauthorized-bad-token")
        }
    }

    test("without anonymous access a request with no credentials gets 401") {
        KubeTestServer.start { allowAnonymous(false) }.use { server ->
            TestClient(server).get("/api/v1/namespaces").code shouldBe 401
        }
    }

    test("a client certificate issued by the server's CA authenticates CN as user and O as groups") {
        KubeTestServer.start { allowAnonymous(false) }.use { server ->
            val cert = server.issueClientCertificate("bob", listOf("ops", "admins"))
            TestClient(server, cert = cert).whoAmI() shouldBe ("bob" to listOf("ops", "admins", "system:authenticated"))
        }
    }

    test("a client certificate from another CA is refused") {
        KubeTestServer.start().use { server ->
            KubeTestServer.start().use { other ->
                val foreign = other.issueClientCertificate("mallory")
                shouldThrowAny { TestClient(server, cert = foreign).get("/api/v1/namespaces") }
            }
        }
    }

    test("a client certificate's private key never shows in its toString") {
        KubeTestServer.start().use { server ->
            val cert = server.issueClientCertificate("carol", listOf("g"))
            cert.toString() shouldNotContain "PRIVATE"
            cert.toString() shouldNotContain cert.privateKeyPem.lines()[1]
        }
    }

    test("a kubeconfig for a user carries a client certificate the server accepts") {
        KubeTestServer.start { allowAnonymous(false) }.use { server ->
            val text = server.kubeconfigForUser("dave", listOf("team"))
            text.contains("client-certificate-data: ") shouldBe true
            text.contains("client-key-data: ") shouldBe true
        }
    }
})

@Suppress("unused")
private fun JsonObject.str(key: String) = (this[key] as JsonPrimitive).content
