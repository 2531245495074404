package io.kubekt.conformance.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.GroupVersionResource;
import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.api.meta.v1.PartialObjectMetadata;
import io.kubekt.client.KubeClient;
import io.kubekt.conformance.support.ConformanceTarget;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.ResourceEventHandler;
import io.kubekt.informer.SharedInformer;
import io.kubekt.informer.SharedInformerFactory;
import io.kubekt.request.LabelSelector;
import io.kubekt.request.ListOptions;
import io.kubekt.test.KubeTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Informers started from Java run in a scope of their client: closing the client stops them and
 * their watches. Handlers, listers (typed and metadata-only), start and the synced future over
 * HTTP against kube-test (or KUBE_TEST_KUBECONFIG's cluster; the open-watch counts need kube-test).
 */
class InformerClientCloseJavaTest {
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFactoryStartedFromJavaStopsWithItsWatchesWhenTheClientIsClosed() throws Exception {
        ConformanceTarget target = ConformanceTarget.Companion.getCurrent();
        KubeTestServer server = target.getServer();
        String run = UUID.randomUUID().toString().substring(0, 8);
        LabelSelector selector = LabelSelector.parse("kubekt-close-run=" + run);
        int watchesBefore = server == null ? 0 : server.getFaults().openWatches();
        KubeClient client = KubeClient.create(target.getConfig());
        try {
            SharedInformerFactory informers = SharedInformerFactory.create(client, Duration.ZERO);
            SharedInformer<ConfigMap> configMaps = informers.informer(ConfigMap.class, "default", selector);
            SharedInformer<PartialObjectMetadata> names = informers.metadataInformer(new GroupVersionResource("", "v1", "configmaps"), "default", selector);
            assertSame(names, informers.metadataInformer(ConfigMap.RESOURCE, "default", selector));
            List<String> seen = new CopyOnWriteArrayList<>();
            configMaps.addHandler(new ResourceEventHandler<>() {
                public void onAdd(ConfigMap c, boolean inInitialList) { seen.add("add " + c.getMetadata().getName()); }
            });
            InformerHandle running = informers.start();
            running.synced().get(30, TimeUnit.SECONDS);
            assertTrue(running.hasSynced());
            target.getClient().coreV1().configMaps("default").create(ConfigMap.builder()
                .metadata(m -> m.name("close-" + run).labels(Map.of("kubekt-close-run", run)))
                .data(Map.of("k", "v"))
                .build());
            await("the handler saw the add", () -> !seen.isEmpty());
            await("the metadata informer cached the object", () -> names.lister().namespace("default").list().size() == 1);
            assertEquals(List.of("add close-" + run), seen);
            assertEquals(List.of("close-" + run), configMaps.lister().namespace("default").list().stream()
                .map(c -> c.getMetadata().getName()).collect(Collectors.toList()));
            assertEquals(null, names.lister().namespace("default").list().get(0).getMetadata().getManagedFields());
            if (server != null) {
                await("both informers watch", () -> server.getFaults().openWatches() == watchesBefore + 2);
            }
            assertTrue(running.isRunning());

            client.close();

            await("the informers stopped", () -> !running.isRunning());
            if (server != null) {
                await("their watches were closed", () -> server.getFaults().openWatches() == watchesBefore);
            }
            running.close(); // still idempotent after the client stopped them
            assertFalse(running.isRunning());
        } finally {
            client.close();
            target.getClient().coreV1().configMaps("default").deleteCollection(ListOptions.builder().labelSelector(selector).build());
        }
    }
}
