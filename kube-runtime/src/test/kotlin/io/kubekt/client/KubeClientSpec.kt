package io.kubekt.client

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.config.ConfigOverrides
import io.kubekt.transport.RetryConfig
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletionException
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

class KubeClientSpec : FunSpec({
    context("the builder") {
        test("kubeconfig files, context, cluster, user, namespace and server become the loader's overrides") {
            val builder = KubeClient.builder().kubeconfig("/a/config").kubeconfig(Path.of("/b/config"))
            builder.context = "staging"
            builder.cluster("c1").user("u1").namespace("team-b").server("https://example:6443")
            builder.overrides() shouldBe ConfigOverrides(
                kubeconfigPaths = listOf(Path.of("/a/config"), Path.of("/b/config")), context = "staging",
                cluster = "c1", user = "u1", namespace = "team-b", server = "https://example:6443",
            )
        }
        test("nothing set means no overrides") {
            KubeClient.builder().overrides() shouldBe ConfigOverrides.NONE
        }
        test("client settings apply over the resolved configuration; unset ones keep it") {
            val seen = mutableListOf<ConfigOverrides>()
            val retry = RetryConfig(maxRetries = 1)
            val client = FakeCluster.build(
                KubeClient.builder().context("dev").qps(7.0).burst(3).requestTimeout(Duration.ofSeconds(9)).retry(retry),
                seen,
            )
            client.use {
                seen shouldBe listOf(ConfigOverrides(context = "dev"))
                it.config.qps shouldBe 7.0
                it.config.burst shouldBe 3
                it.config.requestTimeout shouldBe Duration.ofSeconds(9)
                it.config.retry shouldBe retry
                it.config.connectTimeout shouldBe FakeCluster.CONFIG.connectTimeout
                it.config.userAgent shouldBe FakeCluster.CONFIG.userAgent
                it.namespace shouldBe "team-a"
            }
        }
        test("the Kotlin block sets the same builder") {
            val seen = mutableListOf<ConfigOverrides>()
            val builder = KubeClient.builder().apply { kubeconfig("/path/config"); context = "staging"; qps = 50.0 }
            FakeCluster.build(builder, seen).use { it.config.qps shouldBe 50.0 }
            seen.single().kubeconfigPaths shouldBe listOf(Path.of("/path/config"))
        }
    }

    context("closing") {
        test("a stream closed before it started never opens a connection and still completes") {
            val cluster = FakeCluster.streamingOpen(CountDownLatch(1), "a")
            val ended = CountDownLatch(1)
            val handle = cluster.client.rest().watch().resource("pods").stream(object : LineListener {
                override fun onLine(line: String) = Unit
                override fun onClose(error: Throwable?) = ended.countDown()
            })
            handle.close()
            handle.completion().get(5, TimeUnit.SECONDS) shouldBe null
            ended.await(5, TimeUnit.SECONDS) shouldBe true
            cluster.close()
        }
        test("close closes the transport once and is idempotent") {
            val cluster = FakeCluster()
            cluster.client.isClosed shouldBe false
            cluster.client.close()
            cluster.client.close()
            cluster.client.isClosed shouldBe true
            cluster.executorClosed() shouldBe true
        }
        test("close cancels a running future and its HTTP call") {
            val cluster = FakeCluster.hanging()
            val future = cluster.client.rest().get().resource("pods").async().executeBytes()
            cluster.awaitCallStarted() shouldBe true
            cluster.client.close()
            cluster.awaitCallCancelled() shouldBe true
            shouldThrow<CancellationException> { future.get(5, TimeUnit.SECONDS) }
        }
        test("close stops a running stream and closes its connection") {
            val closed = CountDownLatch(1)
            val cluster = FakeCluster.streamingOpen(closed, "a")
            val first = CountDownLatch(1)
            val handle = cluster.client.rest().watch().resource("pods").stream { first.countDown() }
            first.await(5, TimeUnit.SECONDS) shouldBe true
            cluster.client.close()
            closed.await(5, TimeUnit.SECONDS) shouldBe true
            handle.completion().get(5, TimeUnit.SECONDS) shouldBe null
            handle.isOpen shouldBe false
        }
        test("close cancels a blocking call waiting on another thread") {
            val cluster = FakeCluster.hanging()
            var outcome: Throwable? = null
            val caller = Thread {
                outcome = runCatching { cluster.client.rest().get().resource("pods").executeBytesBlocking() }.exceptionOrNull()
            }
            caller.start()
            cluster.awaitCallStarted() shouldBe true
            cluster.client.close()
            caller.join(5_000)
            caller.isAlive shouldBe false
            outcome.shouldBeInstanceOf<CancellationException>()
            cluster.awaitCallCancelled() shouldBe true
        }
    }

    context("the Java face, driven from Kotlin") {
        test("cancelling a future cancels the HTTP call") {
            FakeCluster.hanging().use { cluster ->
                val future = cluster.client.rest().get().resource("pods").async().execute(TestConfigMapList::class.java)
                cluster.awaitCallStarted() shouldBe true
                future.cancel(true) shouldBe true
                cluster.awaitCallCancelled() shouldBe true
            }
        }
        test("a failed future holds the error itself") {
            FakeCluster(FakeExecutor(respond = { error("boom") })).use { cluster ->
                val e = shouldThrow<CompletionException> { cluster.client.rest().get().resource("pods").async().executeString().join() }
                e.cause.shouldBeInstanceOf<IllegalStateException>().message shouldBe "boom"
            }
        }
        test("the future is built when it is made: later changes to the request do not leak in") {
            FakeCluster.hanging().use { cluster ->
                val request = cluster.client.rest().get().resource("pods")
                val future = request.async().executeBytes()
                request.namespace("changed")
                cluster.awaitCallStarted() shouldBe true
                cluster.lastRequest().path shouldBe "/api/v1/pods"
                future.cancel(true)
            }
        }
        test("a blocking call decodes like the suspend one") {
            FakeCluster.answering(CONFIGMAP_LIST_JSON).use { cluster ->
                cluster.client.rest().get().resource("configmaps").executeBlocking(TestConfigMapList::class.java)
                    .items.size shouldBe 2
            }
        }
        test("a class that is not serializable is refused before any request") {
            FakeCluster.answering("{}").use { cluster ->
                shouldThrow<IllegalArgumentException> {
                    cluster.client.rest().get().resource("pods").executeBlocking(StringBuilder::class.java)
                }.message shouldBe "java.lang.StringBuilder has no kotlinx.serialization serializer: " +
                    "annotate it with @Serializable, or pass a DeserializationStrategy instead of a Class"
                cluster.requestCount() shouldBe 0
            }
        }
    }
})
