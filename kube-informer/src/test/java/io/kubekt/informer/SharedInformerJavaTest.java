package io.kubekt.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.request.LabelSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Java face of the shared informer: handlers, listers, start/close and the synced futures. */
class SharedInformerJavaTest {
    private static ConfigMap configMap(String namespace, String name, String rv, String app) {
        return ConfigMap.builder()
            .metadata(m -> m.name(name).namespace(namespace).resourceVersion(rv).labels(Map.of("app", app)))
            .build();
    }

    @Test
    void javaHandlersSeeTheInitialListAndTheListerReadsTheCacheUntilTheHandleIsClosed() throws Exception {
        ConfigMap web = configMap("default", "web", "1", "web");
        ConfigMap db = configMap("default", "db", "2", "db");
        ConfigMap other = configMap("other", "web", "3", "web");
        FakeListWatch fake = new FakeListWatch().answerList(new Page<>(List.of(web, db, other), "3", null));
        SharedInformer<ConfigMap> informer = SharedInformer.create(fake, Duration.ZERO);
        List<String> adds = new CopyOnWriteArrayList<>();
        HandlerRegistration registration = informer.addHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj, boolean inInitialList) {
                adds.add(obj.getMetadata().getName() + (inInitialList ? " initial" : ""));
            }
        });
        InformerHandle running = informer.start();
        try (running) {
            running.synced().get(10, TimeUnit.SECONDS);
            registration.synced().get(10, TimeUnit.SECONDS);
            assertTrue(informer.hasSynced());
            assertTrue(registration.hasSynced());
            assertEquals(List.of("db initial", "web initial", "web initial"), adds.stream().sorted().collect(Collectors.toList()));
            assertEquals(Set.of("web", "db"), informer.lister().namespace("default").list().stream()
                .map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
            assertEquals(List.of(other), informer.lister().namespace("other").list(LabelSelector.parse("app=web")));
            assertEquals(2, informer.lister().list(LabelSelector.builder().eq("app", "web").build()).size());
            assertEquals(1, informer.lister().list(labels -> "db".equals(labels.get("app"))).size());
        }
        assertFalse(running.isRunning());
        registration.remove();
    }

    @Test
    void aHandlerThatOverridesNothingCompilesAndTheTransformCanBeChosen() throws Exception {
        FakeListWatch fake = new FakeListWatch().answerList(new Page<>(List.of(configMap("default", "a", "1", "a")), "1", null));
        SharedInformer<ConfigMap> informer = SharedInformer.create(fake, Duration.ofMinutes(1), ObjectTransform.keepEverything());
        try (HandlerRegistration registration = informer.addHandler(new ResourceEventHandler<>() {}, Duration.ZERO);
             InformerHandle running = informer.start()) {
            registration.synced().get(10, TimeUnit.SECONDS);
            assertEquals(1, informer.lister().list().size());
        }
    }
}
