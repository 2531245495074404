package io.kubekt.client

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.error.ApiException
import io.kubekt.error.TlsException
import io.kubekt.request.ListOptions
import io.kubekt.testing.FakeApiServer
import io.kubekt.testing.TestCertificates
import kotlinx.serialization.Serializable
import java.nio.file.Files

@Serializable
private data class Meta(val name: String? = null, val namespace: String? = null, val resourceVersion: String? = null)

@Serializable
private data class PodStatus(val phase: String? = null)

@Serializable
private data class MiniPod(val kind: String? = null, val metadata: Meta? = null, val status: PodStatus? = null)

@Serializable
private data class MiniPodList(val metadata: Meta? = null, val items: List<MiniPod> = emptyList())

class KubeClientEndToEndSpec : FunSpec({
    test("a client from a kubeconfig gets and lists over HTTPS with the kubeconfig's CA and token") {
        FakeApiServer().use { api ->
            KubeClient { kubeconfig(api.writeKubeconfig(tempdir().toPath())) }.use { client ->
                client.namespace shouldBe "team-a"
                val pod: MiniPod = client.rest().get().namespace("kube-system").resource("pods").name("etcd").execute()
                pod.status?.phase shouldBe "Running"

                val list: MiniPodList = client.rest().get().namespace("kube-system").resource("pods")
                    .params(ListOptions(limit = 50, labelSelector = "tier in (control-plane)")).execute()
                list.items.map { it.metadata?.name } shouldContainExactly listOf("etcd", "coredns")

                val listRequest = api.server.requests.last()
                listRequest.pathAndQuery shouldBe "/api/v1/namespaces/kube-system/pods?labelSelector=tier%20in%20%28control-plane%29&limit=50"
                listRequest.header("authorization") shouldBe "Bearer ${api.token}"
                listRequest.header("user-agent")!! shouldContain "kubekt/"
            }
        }
    }

    test("a 404 from the server is an ApiException that says what and where, without the token") {
        FakeApiServer().use { api ->
            KubeClient { kubeconfig(api.writeKubeconfig(tempdir().toPath())) }.use { client ->
                val error = shouldThrow<ApiException> {
                    client.rest().get().namespace("kube-system").resource("pods").name("nope").executeBytes()
                }
                error.isNotFound shouldBe true
                error.message!! shouldContain "/api/v1/namespaces/kube-system/pods/nope"
                error.message!! shouldContain api.server.url
                error.message!! shouldNotContain api.token
            }
        }
    }

    test("client-certificate authentication from kubeconfig data reaches a server that requires it") {
        FakeApiServer(requireClientCert = true).use { api ->
            val config = api.writeKubeconfig(tempdir().toPath(), withToken = false, withClientCert = true)
            KubeClient { kubeconfig(config) }.use { client ->
                client.rest().get().absPath("version").executeString() shouldContain "v1.36.0"
            }
        }
    }

    test("a server certificate from another CA fails with a TLS error naming the CA's origin") {
        FakeApiServer().use { api ->
            val path = api.writeKubeconfig(tempdir().toPath())
            val otherCa = java.util.Base64.getEncoder().encodeToString(TestCertificates.ca("other").certPem.toByteArray())
            Files.writeString(path, Files.readString(path).replace(Regex("certificate-authority-data: .*"), "certificate-authority-data: $otherCa"))
            KubeClient { kubeconfig(path); retry(io.kubekt.transport.RetryConfig.NONE) }.use { client ->
                val error = shouldThrow<TlsException> { client.rest().get().absPath("version").executeBytes() }
                error.message!! shouldContain "not trusted by the certificate authority"
                error.message!! shouldContain "context \"e2e\""
            }
        }
    }
})
