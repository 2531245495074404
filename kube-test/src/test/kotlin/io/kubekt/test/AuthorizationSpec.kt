package io.kubekt.test

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.client.KubeClient
import io.kubekt.error.ApiException
import io.kubekt.test.support.TestClient
import io.kubekt.test.support.Transcripts
import kotlinx.coroutines.runBlocking

/** The authorization hook and the ClientConfig accessors, through kubekt's client. */
class AuthorizationSpec : FunSpec({
    val seen = java.util.concurrent.ConcurrentLinkedQueue<AuthorizationRequest>()
    val server = KubeTestServer.start {
        token("admin", "admin", "system:masters")
        token("viewer-token", "viewer")
        authorize { request ->
            seen += request
            request.user != "viewer" || (request.verb == "get" && request.resource == "namespaces") || !request.isResourceRequest
        }
    }
    afterSpec { server.close() }
    val viewer = TestClient(server, token = "viewer-token")
    server.create(io.kubekt.api.GroupVersionResource.core("v1", "namespaces"), null, """{"metadata":{"name":"transcripts"}}""")

    test("a denied request is 403 Forbidden with the Status of transcript 51, field for field") {
        val reply = viewer.get("/api/v1/namespaces/transcripts/configmaps")
        reply.code shouldBe 403
        reply.json shouldBe Transcripts.status("51-forbidden-for-unprivileged-user")
    }

    test("the authorizer sees user, groups, verb, group, resource, subresource, namespace and name") {
        seen.clear()
        viewer.get("/apis/apps/v1/namespaces/transcripts/deployments/web/scale").code shouldBe 403
        val request = seen.single()
        request.user shouldBe "viewer"
        request.groups shouldBe listOf("system:authenticated")
        request.verb shouldBe "get"
        request.apiGroup shouldBe "apps"
        request.resource shouldBe "deployments"
        request.subresource shouldBe "scale"
        request.namespace shouldBe "transcripts"
        request.name shouldBe "web"
    }

    test("a denied named, subresource or cluster-scoped request names them as the API server does") {
        viewer.get("/apis/apps/v1/namespaces/transcripts/deployments/web/scale").json["message"].toString() shouldBe
            "\"deployments.apps \\\"web\\\" is forbidden: User \\\"viewer\\\" cannot get resource \\\"deployments/scale\\\" in API group \\\"apps\\\" in the namespace \\\"transcripts\\\"\""
        viewer.get("/api/v1/nodes").json["message"].toString() shouldBe
            "\"nodes is forbidden: User \\\"viewer\\\" cannot list resource \\\"nodes\\\" in API group \\\"\\\" at the cluster scope\""
    }

    test("allowed requests of a restricted user and every request of others pass") {
        viewer.get("/api/v1/namespaces/transcripts").code shouldBe 200
        viewer.get("/version").code shouldBe 200
        TestClient(server, token = "admin").get("/api/v1/namespaces/transcripts/configmaps").code shouldBe 200
    }

    test("clientConfigWithToken gives a KubeClient that authenticates as the token's user") {
        runBlocking {
            KubeClient(server.clientConfigWithToken("viewer-token")).use { client ->
                val e = runCatching { client.rest().get().namespace("transcripts").resource("configmaps").executeJson() }.exceptionOrNull() as ApiException
                e.isForbidden shouldBe true
                client.rest().get().resource("namespaces").name("transcripts").executeJson().toString().contains("\"transcripts\"") shouldBe true
            }
        }
    }

    test("clientConfigForUser authenticates with a client certificate; clientConfig is anonymous") {
        runBlocking {
            KubeClient(server.clientConfigForUser("viewer")).use { client ->
                val e = runCatching { client.rest().get().resource("nodes").executeJson() }.exceptionOrNull() as ApiException
                e.status.message shouldBe "nodes is forbidden: User \"viewer\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"
            }
            KubeClient(server.clientConfig()).use { client ->
                val review = client.rest("authentication.k8s.io", "v1").post().resource("selfsubjectreviews")
                    .body("""{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""").executeJson()
                review.toString().contains("system:anonymous") shouldBe true
            }
        }
    }
})
