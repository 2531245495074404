package io.kubekt.samples;

import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import io.kubekt.client.KubeClient;
import io.kubekt.error.ApiException;
import java.time.Duration;

/**
 * client-go's out-of-cluster example from Java: {@code iterations} times, {@code interval} apart,
 * count the pods of all namespaces, then look one pod up by name; a 404 is told apart from other
 * errors by {@link ApiException#isNotFound()} (client-go's {@code errors.IsNotFound}); any other
 * error answer's message is printed. No answer at all ({@code TransportException}) ends the loop.
 */
public final class CountPodsJava {
    private CountPodsJava() {}

    public static void run(KubeClient client, int iterations, Duration interval, String namespace, String pod)
            throws InterruptedException {
        System.out.println("Pods loop (Java): " + iterations + " times, " + interval.toSeconds() + "s apart");
        for (int i = 0; i < iterations; i++) {
            if (i > 0) {
                Thread.sleep(interval.toMillis());
            }
            PodList pods = client.coreV1().pods().allNamespaces().list();
            System.out.println("There are " + pods.getItems().size() + " pods in the cluster");
            try {
                Pod found = client.coreV1().pods(namespace).get(pod);
                String phase = found.getStatus() == null ? null : found.getStatus().getPhase();
                System.out.println("Found pod " + pod + " in namespace " + namespace + " (phase " + phase + ")");
            } catch (ApiException e) {
                if (e.isNotFound()) {
                    System.out.println("Pod " + pod + " in namespace " + namespace + " not found");
                } else {
                    System.out.println("Error getting pod " + pod + " in namespace " + namespace + ": " + e.getStatus().getMessage());
                }
            }
        }
    }
}
