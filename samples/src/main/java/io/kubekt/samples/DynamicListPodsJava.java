package io.kubekt.samples;

import io.kubekt.api.GroupVersionResource;
import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import io.kubekt.client.KubeClient;
import io.kubekt.discovery.GroupVersion;
import io.kubekt.discovery.ResourceList;
import io.kubekt.dynamic.Unstructured;
import io.kubekt.dynamic.UnstructuredList;

/**
 * client-go's dynamic client demo from Java: the pods of {@code kube-system} as unstructured
 * objects converted to a typed {@code PodList}; then the objects of a CRD, when discovery says the
 * server serves it.
 */
public final class DynamicListPodsJava {
    private DynamicListPodsJava() {}

    public static void run(KubeClient client) {
        UnstructuredList list = client.dynamic(new GroupVersionResource("", "v1", "pods")).namespace("kube-system").list();
        PodList typed = list.to(PodList.class);
        System.out.println("Dynamic (Java): " + list.getItems().size() + " pods in kube-system, converted to a " + typed.getKind());
        for (Pod pod : typed.getItems()) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            System.out.println("  " + pod.getMetadata().getName() + "  " + phase);
        }

        GroupVersionResource cukClusters = new GroupVersionResource("dubhe.welkin", "v1alpha1", "cukclusters");
        ResourceList served = client.discovery().serverResourcesFor(new GroupVersion(cukClusters.getGroup(), cukClusters.getVersion()));
        if (served == null || served.getResources().stream().noneMatch(r -> cukClusters.getResource().equals(r.getName()))) {
            System.out.println("Dynamic (Java): the server has no cukclusters.dubhe.welkin resource; skipping the CRD listing");
            return;
        }
        UnstructuredList cuks = client.dynamic(cukClusters).namespace("default").list();
        System.out.println("Dynamic (Java): " + cuks.getItems().size() + " " + cuks.getKind() + " items in default");
        for (Unstructured cuk : cuks.getItems()) {
            System.out.println("cukcluster: " + cuk.getName() + ", namespace: " + cuk.getNamespace());
        }
    }
}
