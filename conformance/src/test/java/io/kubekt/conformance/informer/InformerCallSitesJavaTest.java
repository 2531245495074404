package io.kubekt.conformance.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.client.KubeClient;
import io.kubekt.config.KubeconfigLoader;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.ResourceEventHandler;
import io.kubekt.informer.SharedInformer;
import io.kubekt.informer.SharedInformerFactory;
import io.kubekt.request.LabelSelector;
import io.kubekt.request.ListOptions;
import io.kubekt.test.KubeTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The CALL-SITES.md Java informer snippet, nearly as written, against kube-test over HTTP (or KUBE_TEST_KUBECONFIG's cluster). */
class InformerCallSitesJavaTest {
    @Test
    void theFactoryStartsFromJavaSyncsCallsHandlersAndStopsWhenTheHandleIsClosed() throws Exception {
        String real = System.getenv("KUBE_TEST_KUBECONFIG");
        KubeTestServer server = real == null || real.isEmpty() ? KubeTestServer.builder().token("t0ken", "alice", "system:masters").start() : null;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KubeClient client = server == null
            ? KubeClient.builder().kubeconfig(Path.of(real)).build()
            : KubeClient.create(KubeconfigLoader.parse(server.kubeconfigWithToken("t0ken"), Path.of("kube-test")).toClientConfig())) {
            SharedInformerFactory informers = SharedInformerFactory.create(client, Duration.ofSeconds(30));
            SharedInformer<Deployment> deployments = informers.informer(Deployment.class);
            SharedInformer<ConfigMap> configMaps = informers.informer(ConfigMap.class, "default", LabelSelector.parse("kubekt-java-run=" + run), null);
            List<String> seen = new CopyOnWriteArrayList<>();
            configMaps.addHandler(new ResourceEventHandler<>() {
                public void onAdd(ConfigMap c, boolean inInitialList) { seen.add("add " + c.getMetadata().getName()); }
                public void onUpdate(ConfigMap oldC, ConfigMap newC) { seen.add("update " + newC.getMetadata().getName()); }
                public void onDelete(ConfigMap c, boolean finalStateUnknown) { seen.add("delete " + c.getMetadata().getName()); }
            });
            InformerHandle running = informers.start();
            try (running) {
                running.synced().get(30, TimeUnit.SECONDS);
                assertTrue(deployments.hasSynced());
                deployments.lister().namespace("default").list().forEach(d -> System.out.println(d.getMetadata().getName()));
                client.coreV1().configMaps("default").create(ConfigMap.builder()
                    .metadata(m -> m.name("java-" + run).labels(Map.of("kubekt-java-run", run)))
                    .data(Map.of("k", "v"))
                    .build());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(List.of("add java-" + run), seen);
                assertEquals(List.of("java-" + run), configMaps.lister().namespace("default").list(LabelSelector.parse("kubekt-java-run=" + run))
                    .stream().map(c -> c.getMetadata().getName()).collect(Collectors.toList()));
            } finally {
                client.coreV1().configMaps("default").deleteCollection(ListOptions.builder().labelSelector("kubekt-java-run=" + run).build());
            }
            assertFalse(running.isRunning());
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
