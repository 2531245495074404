package io.kubekt.conformance.rest

import io.kotest.matchers.shouldBe
import io.kubekt.client.KubeClient
import io.kubekt.config.Credentials
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.ConformanceTarget
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.str
import io.kubekt.transport.RetryConfig

/** Authentication and authorization answers (transcripts 51, 52). */
class AuthSpec : ConformanceSpec({
    test("an unknown bearer token is 401 Unauthorized (transcript 52)") {
        val tls = target.config.tls.copy(clientCertificate = null, clientKey = null)
        target.newClient { credentials = Credentials.Token("not-a-valid-token"); this.tls = tls; retry = RetryConfig.NONE }.use { stranger ->
            val e = apiError { stranger.rest().get().namespace(namespace).resource("configmaps").executeJson() }
            e.code shouldBe 401
            e.reason shouldBe "Unauthorized"
            e.status.message shouldBe "Unauthorized"
            e.isUnauthorized shouldBe true
        }
    }

    kubeTestOnly("a user without the permission is 403 Forbidden naming user, verb, resource and namespace (transcript 51)", "needs a restricted identity") { server ->
        KubeClient(server.clientConfigWithToken(ConformanceTarget.VIEWER_TOKEN).toBuilder().retry(RetryConfig.NONE).build()).use { viewer ->
            val e = apiError { viewer.rest().get().namespace(namespace).resource("configmaps").executeJson() }
            e.code shouldBe 403
            e.reason shouldBe "Forbidden"
            e.status.message shouldBe "configmaps is forbidden: User \"viewer\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"$namespace\""
            e.status.details!!.kind shouldBe "configmaps"
            e.status.details!!.name shouldBe null
            e.isForbidden shouldBe true

            val named = apiError { viewer.rest("apps", "v1").get().namespace(namespace).resource("deployments").name("web").executeJson() }
            named.status.message shouldBe "deployments.apps \"web\" is forbidden: User \"viewer\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"$namespace\""
            named.status.details!!.group shouldBe "apps"

            val clusterScope = apiError { viewer.rest().get().resource("nodes").executeJson() }
            clusterScope.status.message shouldBe "nodes is forbidden: User \"viewer\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"

            viewer.rest().get().resource("namespaces").name(namespace).executeJson().str("metadata.name") shouldBe namespace
        }
    }

    kubeTestOnly("a client certificate authenticates its user", "issuing a client certificate needs the server's CA") { server ->
        KubeClient(server.clientConfigForUser("cert-user", listOf("system:masters"))).use { c ->
            val review = c.rest("authentication.k8s.io", "v1").post().resource("selfsubjectreviews")
                .body("""{"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"}""").executeJson()
            review.str("status.userInfo.username") shouldBe "cert-user"
        }
    }
})
