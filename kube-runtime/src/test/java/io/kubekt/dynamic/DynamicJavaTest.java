package io.kubekt.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.GroupVersionResource;
import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.api.core.v1.ConfigMapList;
import io.kubekt.client.FakeCluster;
import io.kubekt.client.KubeClient;
import io.kubekt.client.StreamHandle;
import io.kubekt.discovery.DiscoveryClient;
import io.kubekt.discovery.DiscoveryFakes;
import io.kubekt.discovery.DiskCache;
import io.kubekt.discovery.GroupVersion;
import io.kubekt.discovery.ResourceList;
import io.kubekt.discovery.RestMapping;
import io.kubekt.error.NoMatchException;
import io.kubekt.request.ListOptions;
import io.kubekt.request.PatchType;
import io.kubekt.watch.WatchEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Java user writes with the dynamic client, discovery and the RESTMapper: blocking calls, futures, listeners. */
class DynamicJavaTest {
    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final String LIST = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"3\"},"
        + "\"items\":[{\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"},\"data\":{\"k\":\"v\"}}]}";
    private static final String CM = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"}}";

    @Test
    void listsBlockingAndConvertsToTheTypedList() {
        try (FakeCluster cluster = FakeCluster.answering(LIST)) {
            KubeClient client = cluster.getClient();
            UnstructuredList list = client.dynamic(CONFIGMAPS).namespace("n").list(ListOptions.builder().limit(50).build());
            assertEquals("/api/v1/namespaces/n/configmaps?limit=50", cluster.lastRequest().pathAndQuery());
            assertEquals("ConfigMap", list.getItems().get(0).getKind());
            ConfigMapList typed = list.to(ConfigMapList.class);
            assertEquals(Map.of("k", "v"), typed.getItems().get(0).getData());
            assertEquals("3", list.getResourceVersion());
        }
    }

    @Test
    void convertsModelsBothWaysAndDerivesChangedCopies() {
        ConfigMap model = ConfigMap.builder().metadata(m -> m.name("x")).data(Map.of("a", "b")).build();
        Unstructured u = Unstructured.from(model);
        assertEquals("ConfigMap", u.getKind());
        Unstructured labelled = u.toBuilder().label("app", "web").set(List.of("data", "c"), "d").build();
        assertEquals(Map.of("app", "web"), labelled.getLabels());
        assertEquals(Map.of("a", "b", "c", "d"), labelled.to(ConfigMap.class).getData());
        assertTrue(u.getLabels().isEmpty());
    }

    @Test
    void writesAndFuturesUseThePlainNames() throws Exception {
        try (FakeCluster cluster = FakeCluster.answering(CM)) {
            DynamicResource cms = cluster.getClient().dynamic(CONFIGMAPS).namespace("n");
            assertEquals("a", cms.get("a").getName());
            assertEquals("a", cms.create(Unstructured.parse(CM)).getName());
            cms.patch("a", PatchType.MERGE, "{\"data\":{\"k\":\"v\"}}");
            assertEquals("application/merge-patch+json", cluster.lastRequest().getContentType());
            cms.apply(Unstructured.parse(CM), "java-tool");
            assertEquals("fieldManager", cluster.lastRequest().getQuery().get(0).getFirst());
            assertTrue(cms.delete("a").isGone());
            Unstructured later = cms.async().get("a").get(5, TimeUnit.SECONDS);
            assertEquals("n", later.getNamespace());
        }
    }

    @Test
    void watchDeliversEventsToAListener() throws Exception {
        try (FakeCluster cluster = FakeCluster.streaming("{\"type\":\"ADDED\",\"object\":" + CM + "}")) {
            List<WatchEvent<Unstructured>> events = new CopyOnWriteArrayList<>();
            try (StreamHandle handle = cluster.getClient().dynamic(CONFIGMAPS).namespace("n").watch(events::add)) {
                handle.completion().get(5, TimeUnit.SECONDS);
            }
            assertEquals(1, events.size());
            assertEquals("a", ((WatchEvent.Added<Unstructured>) events.get(0)).getObject().getName());
        }
    }

    @Test
    void namespacedResourcesNeedANamespace() {
        try (FakeCluster cluster = FakeCluster.answering(LIST)) {
            assertThrows(IllegalStateException.class, () -> cluster.getClient().dynamic(CONFIGMAPS).list());
        }
    }

    @Test
    void discoveryWithADiskCacheAndTheRestMapper(@TempDir Path dir) throws Exception {
        try (FakeCluster cluster = DiscoveryFakes.INSTANCE.aggregated(new ArrayList<>())) {
            DiscoveryClient discovery = cluster.getClient().discovery(DiskCache.of(dir, Duration.ofMinutes(60)));
            List<String> lines = new ArrayList<>();
            for (ResourceList list : discovery.serverResources()) {
                list.getResources().forEach(r -> lines.add("name: " + r.getName() + ", group: " + list.getGroupVersion().getGroup()
                    + ", version: " + list.getGroupVersion().getVersion()));
            }
            assertTrue(lines.contains("name: deployments/scale, group: apps, version: v1"));
            assertTrue(Files.isDirectory(discovery.getCacheFolder()));
            assertEquals("v2", discovery.preferredVersion("example.com"));
            assertEquals("v1.33.1", discovery.async().serverVersion().get(5, TimeUnit.SECONDS).getGitVersion());
            assertEquals(1, discovery.serverResourcesFor(new GroupVersion("", "v1")).getResources().stream()
                .filter(r -> r.getName().equals("pods")).count());

            RestMapping deploy = discovery.restMapper().mappingFor("deploy");
            assertEquals(new GroupVersionResource("apps", "v1", "deployments"), deploy.getResource());
            assertTrue(deploy.getNamespaced());
            assertThrows(NoMatchException.class, () -> discovery.restMapper().mappingFor("nothing"));
        }
    }
}
