package io.kubekt.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.informer.delta.DeltaBatch;
import io.kubekt.informer.queue.ProcessResult;
import io.kubekt.informer.queue.WorkQueue;
import io.kubekt.informer.queue.WorkersHandle;
import io.kubekt.informer.store.Indexer;
import io.kubekt.informer.store.Lister;
import io.kubekt.informer.store.Store;
import io.kubekt.informer.store.StoreChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Java face of the work queue and the store: what a Java controller writes. */
class InformerPipelineJavaTest {
    private static ConfigMap configMap(String namespace, String name, String app) {
        return ConfigMap.builder()
            .metadata(m -> m.name(name).namespace(namespace).resourceVersion("1").labels(Map.of("app", app)))
            .build();
    }

    @Test
    void workersStartedFromJavaProcessEveryKeyAndRetryFailures() throws Exception {
        WorkQueue<ObjectKey> queue = new WorkQueue<>();
        Set<ObjectKey> done = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        try (WorkersHandle workers = queue.startWorkers(2, key -> {
            if (key.getName().equals("flaky") && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("first attempt fails");
            }
            done.add(key);
            return ProcessResult.done();
        })) {
            queue.add(new ObjectKey("default", "a"));
            queue.add(ObjectKey.parse("default/flaky"));
            queue.addAfter(ObjectKey.parse("b"), Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (done.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            queue.shutDown();
            workers.await();
            assertFalse(workers.isRunning());
        }
        assertEquals(Set.of(ObjectKey.parse("default/a"), ObjectKey.parse("default/flaky"), ObjectKey.parse("b")), done);
        assertEquals(2, failures.get());
        assertEquals(0, queue.retries(ObjectKey.parse("default/flaky")));
    }

    @Test
    void listersReadTheStoreByNamespaceLabelsAndIndex() {
        Indexer<ConfigMap> byApp = cm -> List.of(cm.getMetadata().getLabels().get("app"));
        Store<ConfigMap> store = new Store<>(Map.of("app", byApp));
        ConfigMap a = configMap("default", "a", "web");
        ConfigMap b = configMap("default", "b", "db");
        ConfigMap c = configMap("other", "c", "web");
        List<StoreChange<ConfigMap>> changes = store.apply(new DeltaBatch.Replace<>(List.of(a, b, c), "1", Map.of()));
        assertEquals(3, changes.size());
        assertTrue(((StoreChange.Added<ConfigMap>) changes.get(0)).isInInitialList());
        assertTrue(store.hasSynced());

        Lister<ConfigMap> lister = store.lister();
        assertEquals(List.of(a, b), lister.namespace("default").list().stream().sorted((x, y) -> x.getMetadata().getName().compareTo(y.getMetadata().getName())).toList());
        assertEquals(List.of(a), lister.namespace("default").list(labels -> "web".equals(labels.get("app"))));
        assertEquals(Set.of(a, c), Set.copyOf(lister.byIndex("app", "web")));
        assertEquals(b, lister.namespace("default").getOrNull("b"));
        assertNull(lister.getOrNull(ObjectKey.parse("default/zzz")));
    }
}
