package io.kubekt.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.error.ApiException;
import io.kubekt.request.ListOptions;
import io.kubekt.testing.FakeApiServer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kotlinx.serialization.json.JsonElement;
import kotlinx.serialization.json.JsonElementKt;
import kotlinx.serialization.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java call sites: load a kubeconfig, then GET and list, blocking and with futures. */
class KubeClientJavaTest {
    @TempDir Path dir;

    @Test
    void loadsAKubeconfigAndGetsAndListsBlocking() {
        try (FakeApiServer api = new FakeApiServer();
             KubeClient client = KubeClient.builder().kubeconfig(api.writeKubeconfig(dir)).build()) {
            assertEquals("team-a", client.getNamespace());
            JsonObject pod = (JsonObject) client.rest().get().namespace("kube-system").resource("pods").name("etcd").executeJson();
            assertEquals("etcd", JsonElementKt.getJsonPrimitive(
                    JsonElementKt.getJsonObject(pod.get("metadata")).get("name")).getContent());

            JsonElement list = client.rest().get().namespace("kube-system").resource("pods")
                    .params(ListOptions.builder().limit(50).build())
                    .executeJson();
            assertEquals(2, JsonElementKt.getJsonArray(((JsonObject) list).get("items")).size());
            assertTrue(api.getServer().getRequests().get(1).getPathAndQuery().endsWith("pods?limit=50"));
        }
    }

    @Test
    void getsAndListsWithCompletableFutures() {
        try (FakeApiServer api = new FakeApiServer();
             KubeClient client = KubeClient.builder().kubeconfig(api.writeKubeconfig(dir)).build()) {
            CompletableFuture<String> pod = client.rest().get().namespace("kube-system").resource("pods").name("etcd")
                    .async().executeString();
            CompletableFuture<JsonElement> list = client.rest().get().namespace("kube-system").resource("pods")
                    .params(ListOptions.builder().limit(50).build()).async().executeJson();
            assertTrue(pod.join().contains("\"phase\":\"Running\""));
            assertEquals(2, JsonElementKt.getJsonArray(((JsonObject) list.join()).get("items")).size());

            CompletableFuture<byte[]> missing = client.rest().get().namespace("kube-system").resource("pods").name("nope")
                    .async().executeBytes();
            CompletionException failure = assertThrows(CompletionException.class, missing::join);
            assertTrue(((ApiException) failure.getCause()).isNotFound());
        }
    }
}
