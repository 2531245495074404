package io.kubekt.benchmarks.informer;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * fabric8 8.0.0 {@link SharedIndexInformer}s on one {@link KubernetesClient} with its default HTTP
 * client (Vert.x 5). fabric8 watches over WebSocket unless told otherwise; kube-test serves HTTP
 * watches only, so {@code Config.setOnlyHttpWatches(true)}. It caches objects as received (managedFields included).
 */
final class Fabric8Contender implements Contender {
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private KubernetesClient client;

    @Override
    public void connect(Path kubeconfig) {
        Config config = Config.fromKubeconfig(kubeconfig.toFile());
        config.setOnlyHttpWatches(true);
        client = new KubernetesClientBuilder().withConfig(config).build();
        client.pods().inAnyNamespace().list(new ListOptionsBuilder().withLimit(1L).build());
    }

    @Override
    public void startPodInformer() throws Exception {
        informers.add(client.pods().inAnyNamespace().runnableInformer(0));
        startAndWait();
    }

    @Override
    public void startConfigMapInformers(List<String> namespaces) throws Exception {
        for (String namespace : namespaces) informers.add(client.configMaps().inNamespace(namespace).runnableInformer(0));
        startAndWait();
    }

    private void startAndWait() throws Exception {
        CompletableFuture<?>[] started = informers.stream().map(i -> i.start().toCompletableFuture()).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(started).get();
    }

    @Override
    public int cached() {
        return informers.stream().mapToInt(i -> i.getStore().list().size()).sum();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::stop);
        if (client != null) client.close();
    }
}
