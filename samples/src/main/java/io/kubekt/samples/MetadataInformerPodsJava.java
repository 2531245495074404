package io.kubekt.samples;

import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.meta.v1.PartialObjectMetadata;
import io.kubekt.client.KubeClient;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.ResourceEventHandler;
import io.kubekt.informer.SharedInformer;
import io.kubekt.informer.SharedInformerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * client-go's metadata informer from Java: the metadata of every Pod in all namespaces cached as
 * {@code PartialObjectMetadata} (names, labels, owners, resourceVersion; no spec or status: the way
 * to follow many large objects, e.g. Secrets without holding their data). Once synced it prints
 * {@code N pods (metadata only) in M namespaces} and a count per namespace from the lister, then
 * {@code add|delete <ns>/<name>} for changes after the sync.
 *
 * <p>It runs for {@code runFor} after {@code whileRunning}; closing the handle stops the informer
 * and closes its watch. The handler is called on a kubekt thread, one call at a time, in order.
 */
public final class MetadataInformerPodsJava {
    private MetadataInformerPodsJava() {}

    public static void run(KubeClient client, Duration runFor, Runnable whileRunning) throws InterruptedException {
        SharedInformerFactory informers = SharedInformerFactory.create(client, Duration.ZERO);
        SharedInformer<PartialObjectMetadata> pods = informers.metadataInformer(Pod.RESOURCE); // all namespaces
        pods.addHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(PartialObjectMetadata pod, boolean inInitialList) {
                if (!inInitialList) {
                    System.out.println("add " + key(pod));
                }
            }

            @Override
            public void onDelete(PartialObjectMetadata pod, boolean finalStateUnknown) {
                System.out.println("delete " + key(pod));
            }
        });
        try (InformerHandle running = informers.start()) {
            running.synced().join();
            Map<String, Long> perNamespace = pods.lister().list().stream()
                    .collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace(), TreeMap::new, Collectors.counting()));
            long total = perNamespace.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("Metadata informer (Java): " + total + " pods (metadata only) in " + perNamespace.size() + " namespaces");
            perNamespace.forEach((namespace, count) -> System.out.println("  " + namespace + ": " + count));
            whileRunning.run();
            Thread.sleep(runFor.toMillis());
        }
        System.out.println("Metadata informer (Java): stopped");
    }

    private static String key(PartialObjectMetadata pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
