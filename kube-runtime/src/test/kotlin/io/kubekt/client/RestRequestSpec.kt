package io.kubekt.client

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kubekt.testing.status
import io.kubekt.error.ApiException
import io.kubekt.error.DecodeException
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.Verb
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger

class RestRequestSpec : FunSpec({
    test("the client-go seed call: get, namespace, resource, limit, decode into a class") {
        FakeCluster.answering(CONFIGMAP_LIST_JSON).use { cluster ->
            val list: TestConfigMapList = cluster.client.rest().get().namespace("kube-system").resource("configmaps")
                .params(ListOptions(limit = 50)).execute()
            list.items.map { it.metadata.name } shouldBe listOf("page-1", "page-2")
            list.metadata.continueToken shouldBe "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTMzNTV9"
            cluster.lastRequest().verb shouldBe Verb.LIST
            cluster.lastRequest().pathAndQuery() shouldBe "/api/v1/namespaces/kube-system/configmaps?limit=50"
        }
    }

    test("rest(group, version) starts requests in that group") {
        FakeCluster.answering("{}").use { cluster ->
            cluster.client.rest("apps", "v1").get().namespace("a").resource("deployments").name("web").executeBytes()
            cluster.lastRequest().path shouldBe "/apis/apps/v1/namespaces/a/deployments/web"
        }
    }

    test("post, put, patch and delete send their methods, bodies and content types") {
        FakeCluster.answering("{}").use { cluster ->
            val rest = cluster.client.rest()
            rest.post().namespace("a").resource("configmaps").body(TestConfigMap(TestMeta("cm1"))).executeBytes()
            cluster.lastRequest().method shouldBe "POST"
            cluster.lastRequest().body!!.decodeToString() shouldBe """{"metadata":{"name":"cm1"}}"""
            rest.put().namespace("a").resource("configmaps").name("cm1").body("{}").executeBytes()
            cluster.lastRequest().method shouldBe "PUT"
            rest.patch(PatchType.MERGE).namespace("a").resource("configmaps").name("cm1").body("""{"data":{"a":"2"}}""").executeBytes()
            cluster.lastRequest().method shouldBe "PATCH"
            cluster.lastRequest().contentType shouldBe "application/merge-patch+json"
            rest.delete().namespace("a").resource("configmaps").name("cm1").executeBytes()
            cluster.lastRequest().method shouldBe "DELETE"
            cluster.requestCount() shouldBe 4
        }
    }

    test("bytes, text and a JSON tree are the body as sent") {
        FakeCluster.answering("""{"major":"1","minor":"19"}""").use { cluster ->
            val rest = cluster.client.rest()
            rest.get().absPath("/version").executeBytes().decodeToString() shouldBe """{"major":"1","minor":"19"}"""
            rest.get().absPath("/version").executeString() shouldBe """{"major":"1","minor":"19"}"""
            rest.get().absPath("/version").executeJson().jsonObject["minor"]!!.jsonPrimitive.content shouldBe "19"
        }
        FakeCluster.answering(CONFIGMAP_LIST_JSON).use { cluster ->
            cluster.client.rest().get().resource("configmaps").executeJson().jsonObject["items"]!!.jsonArray shouldHaveSize 2
        }
    }

    test("an error answer reaches the caller as the executor's ApiException, unchanged") {
        val error = ApiException(status(code = 404, reason = "NotFound", message = "nope"), "GET", "/api/v1/x", FakeCluster.SERVER)
        FakeCluster(FakeExecutor(respond = { throw error })).use { cluster ->
            val thrown = shouldThrow<ApiException> { cluster.client.rest().get().resource("nodes").name("x").executeBytes() }
            thrown shouldBeSameInstanceAs error
        }
    }

    context("decoding failures") {
        test("a body of the wrong shape names the type, method, path, server and where it stopped, but not the body") {
            val secret = """{"metadata":{"name":"s"},"items":{"password":"aHVudGVyMg=="}}"""
            FakeCluster.answering(secret).use { cluster ->
                val e = shouldThrow<DecodeException> {
                    cluster.client.rest().get().namespace("a").resource("secrets").execute<TestConfigMapList>()
                }
                e.message shouldContain "GET /api/v1/namespaces/a/secrets on https://10.0.0.1:6443"
                e.message shouldContain "as io.kubekt.client.TestConfigMapList"
                e.message shouldContain "offset"
                e.message shouldContain "${secret.length} bytes, content-type application/json"
                e.message shouldNotContain "aHVudGVyMg"
                e.message shouldNotContain "password"
                e.cause shouldBe null
            }
        }
        test("an HTML answer from a proxy says so through its content type") {
            val cluster = FakeCluster(FakeExecutor(respond = { FakeExecutor.ok("<html>login</html>", "text/html") }))
            cluster.use {
                val e = shouldThrow<DecodeException> { it.client.rest().get().resource("pods").executeJson() }
                e.message shouldContain "as a JSON document"
                e.message shouldContain "content-type text/html"
                e.message shouldNotContain "login"
            }
        }
        test("an unquoted token deep in a JSON tree is refused too; real literals are kept") {
            FakeCluster.answering("""{"a":[1,-2.5e3,true,null,"x",{"b":nope}]}""").use { cluster ->
                shouldThrow<DecodeException> { cluster.client.rest().get().resource("pods").executeJson() }
                    .message shouldContain "not JSON: an unquoted token"
            }
            FakeCluster.answering("""{"a":[1,-2.5e3,true,null,"x",{"b":false}]}""").use { cluster ->
                cluster.client.rest().get().resource("pods").executeJson().toString() shouldBe
                    """{"a":[1,-2.5e3,true,null,"x",{"b":false}]}"""
            }
        }
        test("a missing required field names the field") {
            FakeCluster.answering("""{"items":[]}""").use { cluster ->
                val e = shouldThrow<DecodeException> { cluster.client.rest().get().resource("configmaps").execute<TestConfigMapList>() }
                e.message shouldContain "metadata"
            }
        }
    }

    context("streams") {
        test("a watch streams each line and sends watch=true") {
            FakeCluster.streaming("""{"type":"ADDED"}""", """{"type":"MODIFIED"}""").use { cluster ->
                cluster.client.rest().watch().namespace("a").resource("configmaps").stream().toList() shouldBe
                    listOf("""{"type":"ADDED"}""", """{"type":"MODIFIED"}""")
                cluster.lastRequest().streaming shouldBe true
                cluster.lastRequest().query.first() shouldBe ("watch" to "true")
            }
        }
        test("the flow is cold: nothing is sent until it is collected, and each collect sends again") {
            FakeCluster.streaming("a").use { cluster ->
                val flow = cluster.client.rest().get().namespace("a").resource("pods").name("p").subresource("log")
                    .param("follow", "true").stream()
                cluster.requestCount() shouldBe 0
                flow.toList() shouldBe listOf("a")
                flow.toList() shouldBe listOf("a")
                cluster.requestCount() shouldBe 2
                cluster.lastRequest().streaming shouldBe true
            }
        }
        test("stopping the collector closes the stream") {
            val closed = AtomicBoolean(false)
            val produced = AtomicInteger()
            val lines = flow {
                try {
                    repeat(1000) { emit("line $it"); produced.incrementAndGet() }
                } finally {
                    closed.set(true)
                }
            }
            FakeCluster(FakeExecutor(lines = { lines })).use { cluster ->
                cluster.client.rest().watch().resource("pods").stream().take(2).toList() shouldBe listOf("line 0", "line 1")
                closed.get() shouldBe true
                produced.get() shouldBe 1
            }
        }
    }

    test("a closed client refuses new calls, naming its server") {
        val cluster = FakeCluster.answering("{}")
        cluster.close()
        cluster.executorClosed() shouldBe true
        shouldThrow<IllegalStateException> { cluster.client.rest().get().resource("pods").executeBytes() }.message shouldBe
            "this KubeClient for https://10.0.0.1:6443 is closed"
        shouldThrow<IllegalStateException> { cluster.client.rest().watch().resource("pods").stream().toList() }
        shouldThrow<IllegalStateException> { cluster.client.rest().watch().resource("pods").stream { } }
        shouldThrow<IllegalStateException> { cluster.client.rest().get().resource("pods").async().executeBytes() }
        cluster.requestCount() shouldBe 0
    }

    test("build shows the request without sending it") {
        FakeCluster.answering("{}").use { cluster ->
            cluster.client.rest().get().namespace("a").resource("pods").build().pathAndQuery() shouldBe "/api/v1/namespaces/a/pods"
            cluster.requestCount() shouldBe 0
        }
    }
})
