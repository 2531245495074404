package io.kubekt.benchmarks.informer;

import io.kubekt.api.core.v1.ConfigMap;
import io.kubekt.api.core.v1.Pod;
import io.kubekt.client.KubeClient;
import io.kubekt.config.ClientConfig;
import io.kubekt.config.ConfigOverrides;
import io.kubekt.informer.InformerHandle;
import io.kubekt.informer.ObjectTransform;
import io.kubekt.informer.SharedInformer;
import io.kubekt.informer.SharedInformerFactory;
import io.kubekt.request.ListOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * kubekt through its Java face: one {@link SharedInformerFactory} on one {@link KubeClient}, started
 * with {@code start()}; the default transform (drops managedFields) or {@link ObjectTransform#keepEverything()}.
 */
final class KubektContender implements Contender {
    private final boolean keepManagedFields;
    private final List<SharedInformer<?>> informers = new ArrayList<>();
    private KubeClient client;
    private SharedInformerFactory factory;
    private InformerHandle running;

    KubektContender(boolean keepManagedFields) {
        this.keepManagedFields = keepManagedFields;
    }

    @Override
    public void connect(Path kubeconfig) {
        client = KubeClient.create(ClientConfig.load(ConfigOverrides.NONE.withKubeconfig(kubeconfig)));
        factory = keepManagedFields
            ? SharedInformerFactory.create(client, Duration.ZERO, ObjectTransform.<Object>keepEverything())
            : SharedInformerFactory.create(client, Duration.ZERO);
        client.resources(Pod.class).allNamespaces().list(ListOptions.builder().limit(1L).build());
    }

    @Override
    public void startPodInformer() throws Exception {
        informers.add(factory.informer(Pod.class));
        startAndWait();
    }

    @Override
    public void startConfigMapInformers(List<String> namespaces) throws Exception {
        for (String namespace : namespaces) informers.add(factory.informer(ConfigMap.class, namespace));
        startAndWait();
    }

    private void startAndWait() throws Exception {
        running = factory.start();
        running.synced().get();
    }

    @Override
    public int cached() {
        return informers.stream().mapToInt(i -> i.lister().list().size()).sum();
    }

    @Override
    public void close() {
        if (running != null) running.close();
        if (client != null) client.close();
    }
}
