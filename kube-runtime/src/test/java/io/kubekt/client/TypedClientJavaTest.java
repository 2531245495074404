package io.kubekt.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.KubeList;
import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.api.apps.v1.DeploymentList;
import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import io.kubekt.request.ApplyOptions;
import io.kubekt.request.DeleteOptions;
import io.kubekt.request.ListOptions;
import io.kubekt.request.PropagationPolicy;
import io.kubekt.watch.WatchEvent;
import io.kubekt.watch.WatchEventType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a Java user writes with the typed clients: blocking by the plain names, futures under async(), watches with a listener. */
class TypedClientJavaTest {
    private static final String POD_LIST =
        "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"web-1\",\"namespace\":\"default\"}}]}";

    @Test
    void clientsetListIsBlockingAndTyped() {
        try (FakeCluster cluster = FakeCluster.answering(POD_LIST)) {
            PodList pods = cluster.getClient().coreV1().pods("default").list(ListOptions.builder().limit(500).build());
            assertEquals("web-1", pods.getItems().get(0).getMetadata().getName());
            assertEquals("/api/v1/namespaces/default/pods?limit=500", cluster.lastRequest().pathAndQuery());
        }
    }

    @Test
    void asyncViewReturnsFuturesOfTheGeneratedListType() throws Exception {
        try (FakeCluster cluster = FakeCluster.answering("{\"kind\":\"DeploymentList\",\"items\":[]}")) {
            CompletableFuture<DeploymentList> later = cluster.getClient().appsV1().deployments("default").async().list();
            assertEquals(0, later.get(5, TimeUnit.SECONDS).getItems().size());
            assertEquals("/apis/apps/v1/namespaces/default/deployments", cluster.lastRequest().getPath());
        }
    }

    @Test
    void modelClassEntryPointAndApplyWithOptions() {
        try (FakeCluster cluster = FakeCluster.answering("{\"metadata\":{\"name\":\"web\"}}")) {
            Resources<Deployment, KubeList<Deployment>> deployments = cluster.getClient().resources(Deployment.class);
            Deployment partial = Deployment.builder().metadata(m -> m.name("web")).spec(s -> s.replicas(3)).build();
            Deployment applied = deployments.namespace("prod").apply(partial, ApplyOptions.builder("my-tool").force(true).build());
            assertEquals("web", applied.getMetadata().getName());
            assertEquals("/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=my-tool&force=true", cluster.lastRequest().pathAndQuery());
            assertEquals("application/apply-patch+yaml", cluster.lastRequest().getContentType());
        }
    }

    @Test
    void emptyNamespaceIsRefused() {
        try (FakeCluster cluster = new FakeCluster()) {
            assertThrows(IllegalArgumentException.class, () -> cluster.getClient().coreV1().pods(""));
            assertEquals(0, cluster.requestCount());
        }
    }

    @Test
    void deleteSaysWhetherTheObjectIsGone() {
        try (FakeCluster cluster = FakeCluster.answering("{\"kind\":\"Status\",\"status\":\"Success\"}")) {
            DeleteResult<ConfigMap> result = cluster.getClient().coreV1().configMaps("a")
                .delete("web", DeleteOptions.builder().propagationPolicy(PropagationPolicy.BACKGROUND).build());
            assertTrue(result.isGone());
            assertInstanceOf(DeleteResult.Gone.class, result);
        }
    }

    @Test
    void listAllIsALazyStream() {
        try (FakeCluster cluster = FakeCluster.answering(POD_LIST)) {
            List<String> names = cluster.getClient().coreV1().pods().allNamespaces().listAll()
                .map(p -> p.getMetadata().getName()).collect(Collectors.toList());
            assertEquals(List.of("web-1"), names);
        }
    }

    @Test
    void watchDeliversTypedEventsToAListenerUntilClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        String added = "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"p\",\"resourceVersion\":\"3\"}}}";
        try (FakeCluster cluster = FakeCluster.streamingOpen(closed, added)) {
            List<WatchEvent<Pod>> events = new CopyOnWriteArrayList<>();
            CountDownLatch first = new CountDownLatch(1);
            try (StreamHandle watch = cluster.getClient().coreV1().pods("default").watch(event -> {
                events.add(event);
                first.countDown();
            })) {
                assertTrue(first.await(5, TimeUnit.SECONDS));
                assertTrue(watch.isOpen());
            }
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            assertEquals(WatchEventType.ADDED, events.get(0).getType());
            assertEquals("p", ((WatchEvent.Added<Pod>) events.get(0)).getObject().getMetadata().getName());
        }
    }
}
