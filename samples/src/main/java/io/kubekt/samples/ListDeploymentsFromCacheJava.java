package io.kubekt.samples;

import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.client.KubeClient;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.SharedInformer;
import io.kubekt.informer.SharedInformerFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The list-only variant of the informer demo from Java: an informer without handlers used as a
 * cache; once synced, the Deployments are read from memory: all of them, then those of a namespace.
 */
public final class ListDeploymentsFromCacheJava {
    private ListDeploymentsFromCacheJava() {}

    public static void run(KubeClient client, String namespace) {
        SharedInformerFactory informers = SharedInformerFactory.create(client, Duration.ZERO);
        SharedInformer<Deployment> deployments = informers.informer(Deployment.class);
        try (InformerHandle running = informers.start()) {
            running.synced().join();

            List<Deployment> all = deployments.lister().list().stream()
                    .sorted(Comparator.comparing((Deployment d) -> d.getMetadata().getNamespace())
                            .thenComparing(d -> d.getMetadata().getName()))
                    .toList();
            System.out.println("Informer cache (Java): " + all.size() + " deployments in all namespaces");
            for (Deployment d : all) {
                System.out.println("  " + d.getMetadata().getNamespace() + "/" + d.getMetadata().getName());
            }
            List<String> inNamespace = deployments.lister().namespace(namespace).list().stream()
                    .map(d -> d.getMetadata().getName()).sorted().toList();
            System.out.println("Informer cache (Java): " + inNamespace.size() + " deployments in " + namespace + ": " + inNamespace);
        }
    }
}
