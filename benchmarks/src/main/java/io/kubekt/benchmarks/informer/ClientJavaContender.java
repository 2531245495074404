package io.kubekt.benchmarks.informer;

import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * client-java 27.0.0 {@link SharedInformerFactory} informers on one {@link ApiClient} (OkHttp).
 * Its default JSON skips managedFields. The read timeout is set to 0 as its informer examples do
 * (a watch outlives the default 10 s). Its factory keeps one informer per model class, so the
 * ConfigMap informers of several namespaces take one factory each, all on the same ApiClient.
 */
final class ClientJavaContender implements Contender {
    private final List<SharedInformerFactory> factories = new ArrayList<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private ApiClient client;

    @Override
    public void connect(Path kubeconfig) throws Exception {
        client = Config.fromConfig(kubeconfig.toString());
        client.setReadTimeout(0);
        new CoreV1Api(client).listPodForAllNamespaces().limit(1).execute();
    }

    @Override
    public void startPodInformer() throws Exception {
        SharedInformerFactory factory = new SharedInformerFactory(client);
        factories.add(factory);
        informers.add(factory.sharedIndexInformerFor(
            new GenericKubernetesApi<>(V1Pod.class, V1PodList.class, "", "v1", "pods", client), V1Pod.class, 0));
        startAndWait();
    }

    @Override
    public void startConfigMapInformers(List<String> namespaces) throws Exception {
        for (String namespace : namespaces) {
            SharedInformerFactory factory = new SharedInformerFactory(client);
            factories.add(factory);
            informers.add(factory.sharedIndexInformerFor(
                new GenericKubernetesApi<>(V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client),
                V1ConfigMap.class, 0, namespace));
        }
        startAndWait();
    }

    private void startAndWait() throws InterruptedException {
        factories.forEach(SharedInformerFactory::startAllRegisteredInformers);
        while (!informers.stream().allMatch(SharedIndexInformer::hasSynced)) Thread.sleep(5);
    }

    @Override
    public int cached() {
        return informers.stream().mapToInt(i -> i.getIndexer().list().size()).sum();
    }

    @Override
    public void close() {
        factories.forEach(SharedInformerFactory::stopAllRegisteredInformers);
    }
}
