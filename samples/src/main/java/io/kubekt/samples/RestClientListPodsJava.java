package io.kubekt.samples;

import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import io.kubekt.client.KubeClient;
import io.kubekt.request.ListOptions;
import java.util.concurrent.CompletableFuture;

/**
 * client-go's RESTClient demo from Java: a blocking list of kube-system pods with limit 50 into a
 * typed {@code PodList}, and the same request as a CompletableFuture.
 */
public final class RestClientListPodsJava {
    private RestClientListPodsJava() {}

    public static void run(KubeClient client) {
        PodList pods = client.rest().get().namespace("kube-system").resource("pods")
                .params(ListOptions.builder().limit(50).build())
                .execute(PodList.class);
        System.out.println("RESTClient (Java, blocking): " + pods.getItems().size() + " pods in kube-system (one page, limit 50)");
        for (Pod pod : pods.getItems()) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            System.out.println("  " + pod.getMetadata().getName() + "  " + phase);
        }

        CompletableFuture<PodList> later = client.rest().get().namespace("kube-system").resource("pods")
                .params(ListOptions.builder().limit(50).build())
                .async().execute(PodList.class);
        System.out.println("RESTClient (Java, future): " + later.join().getItems().size() + " pods");
    }
}
