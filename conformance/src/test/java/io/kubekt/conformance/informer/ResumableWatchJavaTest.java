package io.kubekt.conformance.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.client.KubeClient;
import io.kubekt.client.ResourceClient;
import io.kubekt.client.StreamHandle;
import io.kubekt.conformance.support.ConformanceTarget;
import io.kubekt.informer.watch.ResumableWatch;
import io.kubekt.informer.watch.ResumableWatchConfig;
import io.kubekt.watch.WatchEvent;
import io.kubekt.watch.WatchListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java face of the resumable watch: a listener with a StreamHandle, and a Flow.Publisher,
 * both ended by closing the client as by a normal end (onClose(null), onComplete), never as a failure.
 */
class ResumableWatchJavaTest {
    private static final ResourceClient<ConfigMap, ?> CONFIG_MAPS = ConformanceTarget.Companion.getCurrent().getClient().coreV1().configMaps("default");

    private static ConfigMap update(ConfigMap current, String value) {
        return CONFIG_MAPS.update(current.toBuilder().data(Map.of("value", value)).build());
    }

    private static List<String> values(List<WatchEvent<ConfigMap>> events) {
        return events.stream().filter(e -> e instanceof WatchEvent.Modified)
            .map(e -> ((WatchEvent.Modified<ConfigMap>) e).getObject().getData().get("value")).collect(Collectors.toList());
    }

    private static void await(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aListenerAndASubscriberGetTheUpdatesUntilTheClientIsClosedWhichEndsThemNormally() throws Exception {
        String name = "resumable-" + UUID.randomUUID().toString().substring(0, 8);
        ConfigMap start = CONFIG_MAPS.create(ConfigMap.builder().metadata(m -> m.name(name)).data(Map.of("value", "0")).build());
        KubeClient client = KubeClient.create(ConformanceTarget.Companion.getCurrent().getConfig());
        try {
            ResumableWatchConfig config = ResumableWatchConfig.builder().fieldSelector("metadata.name=" + name).build();
            ResumableWatch<ConfigMap> watch = new ResumableWatch<>(client.coreV1().configMaps("default"), start.getMetadata().getResourceVersion(), config);
            List<WatchEvent<ConfigMap>> events = new CopyOnWriteArrayList<>();
            List<WatchEvent<ConfigMap>> published = new CopyOnWriteArrayList<>();
            CompletableFuture<String> publisherEnded = new CompletableFuture<>();
            List<String> closes = new CopyOnWriteArrayList<>();
            StreamHandle handle = watch.start(client, new WatchListener<>() {
                public void onEvent(WatchEvent<ConfigMap> e) { events.add(e); }
                public void onClose(Throwable error) { closes.add("onClose(" + error + ")"); }
            });
            watch.publisher(client).subscribe(new Flow.Subscriber<>() {
                public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
                public void onNext(WatchEvent<ConfigMap> e) { published.add(e); }
                public void onError(Throwable t) { publisherEnded.complete("onError(" + t + ")"); }
                public void onComplete() { publisherEnded.complete("onComplete"); }
            });
            ConfigMap current = update(start, "1");
            update(current, "2");
            await(events, 2);
            await(published, 2);
            assertEquals(List.of("1", "2"), values(events));
            assertEquals(List.of("1", "2"), values(published));
            assertTrue(handle.isOpen());

            client.close();

            assertNull(handle.completion().get(30, TimeUnit.SECONDS)); // completes normally: a failure would throw here
            assertFalse(handle.isOpen());
            assertEquals(List.of("onClose(null)"), closes);
            assertEquals("onComplete", publisherEnded.get(30, TimeUnit.SECONDS));
        } finally {
            client.close();
            CONFIG_MAPS.delete(name);
        }
    }
}
