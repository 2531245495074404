package io.kubekt.samples;

import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.api.apps.v1.DeploymentList;
import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import io.kubekt.client.KubeClient;
import io.kubekt.request.LabelSelector;
import io.kubekt.request.ListOptions;
import java.util.concurrent.CompletableFuture;

/**
 * client-go's Clientset demo from Java: the pods of {@code default} (limit 500) printed as
 * {@code namespace: <ns>, name: <name>, status: <phase>}, its deployments blocking, and the ones
 * labelled {@code app=web} as a CompletableFuture.
 */
public final class ClientsetListPodsJava {
    private ClientsetListPodsJava() {}

    public static void run(KubeClient client) {
        PodList pods = client.coreV1().pods("default").list(ListOptions.builder().limit(500).build());
        System.out.println("Clientset (Java, blocking): " + pods.getItems().size() + " pods in default (one page, limit 500)");
        for (Pod pod : pods.getItems()) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            System.out.println("namespace: " + pod.getMetadata().getNamespace() + ", name: " + pod.getMetadata().getName()
                    + ", status: " + phase);
        }

        DeploymentList deployments = client.appsV1().deployments("default").list();
        System.out.println("Clientset (Java, blocking): " + deployments.getItems().size() + " deployments in default");
        for (Deployment d : deployments.getItems()) {
            Integer replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
            System.out.println("deployment: " + d.getMetadata().getName() + ", replicas: " + replicas);
        }

        ListOptions web = ListOptions.builder().labelSelector(LabelSelector.builder().eq("app", "web").build()).build();
        CompletableFuture<DeploymentList> later = client.appsV1().deployments("default").async().list(web);
        System.out.println("Clientset (Java, future): deployments labelled app=web: "
                + later.join().getItems().stream().map(d -> d.getMetadata().getName()).toList());
    }
}
