package io.kubekt.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.meta.v1.Status;
import io.kubekt.config.ConfigOverrides;
import io.kubekt.error.ApiException;
import io.kubekt.error.DecodeException;
import io.kubekt.request.ListOptions;
import io.kubekt.request.PatchType;
import io.kubekt.request.ResourceVersionMatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kotlinx.serialization.json.JsonElement;
import kotlinx.serialization.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What a Java user writes: blocking calls by the plain names, futures under async(), streams with a listener. */
class RestClientJavaTest {
    @Test
    void blockingExecuteDecodesIntoTheGivenClass() {
        try (FakeCluster cluster = FakeCluster.answering(TestModelsKt.CONFIGMAP_LIST_JSON)) {
            KubeClient client = cluster.getClient();
            TestConfigMapList list = client.rest().get().namespace("kube-system").resource("configmaps")
                .params(ListOptions.builder().limit(50).build()).execute(TestConfigMapList.class);
            assertEquals(2, list.getItems().size());
            assertEquals("page-1", list.getItems().get(0).getMetadata().getName());
            assertEquals("/api/v1/namespaces/kube-system/configmaps?limit=50", cluster.lastRequest().pathAndQuery());
        }
    }

    @Test
    void blockingBytesStringAndJsonTree() {
        try (FakeCluster cluster = FakeCluster.answering("{\"major\":\"1\",\"minor\":\"19\"}")) {
            RestClient rest = cluster.getClient().rest();
            byte[] bytes = rest.get().absPath("/version").executeBytes();
            String text = rest.get().absPath("/version").executeString();
            JsonElement json = rest.get().absPath("/version").executeJson();
            assertEquals(text, new String(bytes, StandardCharsets.UTF_8));
            assertEquals("\"19\"", ((JsonObject) json).get("minor").toString());
        }
    }

    @Test
    void writesWithBodiesAndOptions() {
        try (FakeCluster cluster = FakeCluster.answering("{}")) {
            RestClient rest = cluster.getClient().rest("apps", "v1");
            rest.patch(PatchType.APPLY).namespace("default").resource("deployments").name("web")
                .param("fieldManager", "my-tool").body("{\"spec\":{\"replicas\":5}}").timeout(Duration.ofSeconds(5))
                .executeBytes();
            assertEquals("PATCH", cluster.lastRequest().getMethod());
            assertEquals("application/apply-patch+yaml", cluster.lastRequest().getContentType());
            assertEquals("/apis/apps/v1/namespaces/default/deployments/web?fieldManager=my-tool",
                cluster.lastRequest().pathAndQuery());
            assertEquals(Duration.ofSeconds(5), cluster.lastRequest().getTimeout());

            ListOptions options = ListOptions.builder().resourceVersion("100")
                .resourceVersionMatch(ResourceVersionMatch.NOT_OLDER_THAN).labelSelector("app in (a,b)").build();
            rest.get().resource("deployments").params(options).executeBytes();
            assertEquals("/apis/apps/v1/deployments?labelSelector=app%20in%20%28a%2Cb%29&resourceVersion=100"
                + "&resourceVersionMatch=NotOlderThan", cluster.lastRequest().pathAndQuery());
        }
    }

    @Test
    void futureCompletesWithTheDecodedValue() throws Exception {
        try (FakeCluster cluster = FakeCluster.answering(TestModelsKt.CONFIGMAP_LIST_JSON)) {
            CompletableFuture<TestConfigMapList> later = cluster.getClient().rest().get().resource("configmaps")
                .async().execute(TestConfigMapList.class);
            assertEquals(2, later.get(5, TimeUnit.SECONDS).getItems().size());
            String text = cluster.getClient().rest().get().resource("configmaps").async().executeString().join();
            assertTrue(text.contains("page-2"));
        }
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCall() {
        try (FakeCluster cluster = FakeCluster.hanging()) {
            CompletableFuture<byte[]> later = cluster.getClient().rest().get().resource("pods").async().executeBytes();
            assertTrue(cluster.awaitCallStarted());
            later.cancel(true);
            assertTrue(cluster.awaitCallCancelled());
            assertThrows(CancellationException.class, later::join);
        }
    }

    @Test
    void errorsAreTheKubektExceptionsUnchecked() {
        try (FakeCluster cluster = FakeCluster.answering("[1,2]")) {
            DecodeException e = assertThrows(DecodeException.class,
                () -> cluster.getClient().rest().get().resource("configmaps").execute(TestConfigMapList.class));
            assertTrue(e.getMessage().contains("GET /api/v1/configmaps"));
        }
        ApiException notFound = new ApiException(
            Status.builder().status("Failure").message("nope").reason("NotFound").code(404).build(), "GET", "/api/v1/x", FakeCluster.SERVER, null);
        assertTrue(notFound.isNotFound());
        assertFalse(notFound.isConflict());
    }

    @Test
    void streamDeliversLinesToTheListenerUntilClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (FakeCluster cluster = FakeCluster.streamingOpen(closed, "{\"type\":\"ADDED\"}", "{\"type\":\"DELETED\"}")) {
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            try (StreamHandle stream = cluster.getClient().rest().watch().resource("pods").stream(line -> {
                lines.add(line);
                two.countDown();
            })) {
                assertTrue(two.await(5, TimeUnit.SECONDS));
                assertTrue(stream.isOpen());
            }
            assertTrue(closed.await(5, TimeUnit.SECONDS), "closing the handle closes the stream");
            assertEquals(List.of("{\"type\":\"ADDED\"}", "{\"type\":\"DELETED\"}"), lines);
        }
    }

    @Test
    void streamReportsItsEndAndErrors() throws Exception {
        try (FakeCluster cluster = FakeCluster.streaming("a", "b")) {
            List<Object> events = new CopyOnWriteArrayList<>();
            StreamHandle stream = cluster.getClient().rest().watch().resource("pods").stream(new LineListener() {
                @Override
                public void onLine(String line) {
                    if (line.equals("b")) {
                        throw new IllegalStateException("listener failed on " + line);
                    }
                    events.add(line);
                }

                @Override
                public void onClose(Throwable error) {
                    events.add(error);
                }
            });
            Exception e = assertThrows(Exception.class, () -> stream.completion().get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("a", events.get(0));
            assertInstanceOf(IllegalStateException.class, events.get(1));
        }
    }

    @Test
    void clientBuilderCallSite() {
        List<ConfigOverrides> seen = new ArrayList<>();
        KubeClientBuilder builder = KubeClient.builder().kubeconfig(Path.of("/path/config")).context("staging").qps(50).burst(80);
        try (KubeClient client = FakeCluster.build(builder, seen)) {
            assertEquals(50.0, client.getConfig().getQps());
            assertEquals(80, client.getConfig().getBurst());
            assertEquals("team-a", client.getNamespace());
        }
        assertEquals("staging", seen.get(0).getContext());
        assertEquals(List.of(Path.of("/path/config")), seen.get(0).getKubeconfigPaths());
    }
}
