package io.kubekt.samples;

import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.api.apps.v1.DeploymentList;
import io.kubekt.client.KubeClient;
import io.kubekt.client.ResourceClient;
import io.kubekt.client.StreamHandle;
import io.kubekt.informer.watch.ResumableWatch;
import io.kubekt.watch.WatchEvent;
import java.time.Duration;

/**
 * The watch-only variant of the informer demo from Java: the Deployments of a namespace watched
 * through a listener, printed as {@code ADDED|MODIFIED|DELETED <ns>/<name> (replicas n)}.
 *
 * <p>It lists first and watches from the list's resourceVersion, so no change made after the list
 * is missed; the resumable watch reopens itself from the last resourceVersion after a dropped
 * connection. The listener is called on a kubekt thread, one event at a time; closing the
 * {@link StreamHandle} closes the watch connection. The watch runs for {@code runFor} after
 * {@code whileRunning}.
 */
public final class WatchDeploymentsJava {
    private WatchDeploymentsJava() {}

    public static void run(KubeClient client, String namespace, Duration runFor, Runnable whileRunning) throws InterruptedException {
        ResourceClient<Deployment, DeploymentList> deployments = client.appsV1().deployments(namespace);
        DeploymentList list = deployments.list();
        String from = list.getMetadata().getResourceVersion();
        System.out.println("Watch (Java): " + list.getItems().size() + " deployments in " + namespace
                + " at resourceVersion " + from + "; watching for " + runFor.toSeconds() + "s");
        try (StreamHandle watch = new ResumableWatch<>(deployments, from).start(client, WatchDeploymentsJava::print)) {
            whileRunning.run();
            Thread.sleep(runFor.toMillis());
        }
        System.out.println("Watch (Java): stopped");
    }

    private static void print(WatchEvent<Deployment> event) {
        if (event instanceof WatchEvent.Added<Deployment> e) {
            System.out.println("ADDED " + line(e.getObject()));
        } else if (event instanceof WatchEvent.Modified<Deployment> e) {
            System.out.println("MODIFIED " + line(e.getObject()));
        } else if (event instanceof WatchEvent.Deleted<Deployment> e) {
            System.out.println("DELETED " + line(e.getObject()));
        } // Bookmarks are progress markers the resumable watch asks for
    }

    private static String line(Deployment d) {
        Integer replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
        return d.getMetadata().getNamespace() + "/" + d.getMetadata().getName() + " (replicas " + replicas + ")";
    }
}
