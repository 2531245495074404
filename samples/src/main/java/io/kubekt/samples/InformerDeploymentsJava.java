package io.kubekt.samples;

import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.client.KubeClient;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.ResourceEventHandler;
import io.kubekt.informer.SharedInformer;
import io.kubekt.informer.SharedInformerFactory;
import java.time.Duration;
import java.util.List;

/**
 * client-go's informer demo from Java: a factory with a 30 s resync, a Deployment informer whose
 * handler prints {@code add|update|delete <ns>/<name>}, started, waited for, then the Deployments
 * of {@code default} listed from the cache as {@code 1 -> <name>}.
 *
 * <p>The informers run for {@code runFor} after the listing (client-go's demo runs until killed);
 * {@code whileRunning} runs first, e.g. to change Deployments so that updates and deletes show up.
 * Closing the handle stops the informers and closes their watch. The handler is called on a
 * kubekt thread, one call at a time, in order.
 */
public final class InformerDeploymentsJava {
    private InformerDeploymentsJava() {}

    public static void run(KubeClient client, Duration runFor, Runnable whileRunning) throws InterruptedException {
        System.out.println("Informer (Java): watching Deployments in all namespaces for " + runFor.toSeconds() + "s, resync 30s");
        SharedInformerFactory informers = SharedInformerFactory.create(client, Duration.ofSeconds(30));
        SharedInformer<Deployment> deployments = informers.informer(Deployment.class);
        deployments.addHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment d, boolean inInitialList) {
                System.out.println("add " + key(d));
            }

            @Override
            public void onUpdate(Deployment oldD, Deployment newD) {
                System.out.println("update " + key(newD));
            }

            @Override
            public void onDelete(Deployment d, boolean finalStateUnknown) {
                System.out.println("delete " + key(d));
            }
        });
        try (InformerHandle running = informers.start()) {
            running.synced().join();
            List<Deployment> cached = deployments.lister().namespace("default").list();
            System.out.println("Informer (Java): cache synced; " + cached.size() + " deployments in default");
            for (int i = 0; i < cached.size(); i++) {
                System.out.println((i + 1) + " -> " + cached.get(i).getMetadata().getName());
            }
            whileRunning.run();
            Thread.sleep(runFor.toMillis());
        }
        System.out.println("Informer (Java): stopped");
    }

    private static String key(Deployment d) {
        return d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
    }
}
