package io.kubekt.benchmarks.informer;

import java.nio.file.Path;
import java.util.List;

/**
 * One client library's informers, driven the same way by {@link InformerChild}: connect, warm up,
 * start informers, wait for their caches, count what they hold, stop.
 *
 * Each contender is configured explicitly (see the implementations) and otherwise runs with its
 * library's defaults, as a user would.
 */
interface Contender extends AutoCloseable {
    /** Creates the client from the kubeconfig at {@code kubeconfig} and makes one small list call (classes loaded, connection open). */
    void connect(Path kubeconfig) throws Exception;

    /** Starts one informer on pods in all namespaces and blocks until its cache holds the first list. */
    void startPodInformer() throws Exception;

    /** Starts one ConfigMap informer per namespace on the same client and blocks until every cache holds its first list. */
    void startConfigMapInformers(List<String> namespaces) throws Exception;

    /** The objects held by all started informers' caches. */
    int cached();

    /** Stops the informers and closes the client. */
    @Override
    void close() throws Exception;

    /** The contender named {@code name}: {@code kubekt}, {@code kubekt-keep}, {@code kubekt-kotlin}, {@code fabric8} or {@code client-java}. */
    static Contender named(String name) {
        return switch (name) {
            case "kubekt" -> new KubektContender(false);
            case "kubekt-keep" -> new KubektContender(true);
            case "kubekt-kotlin" -> new KubektKotlinContender();
            case "fabric8" -> new Fabric8Contender();
            case "client-java" -> new ClientJavaContender();
            default -> throw new IllegalArgumentException("unknown contender " + name + " (kubekt, kubekt-keep, kubekt-kotlin, fabric8, client-java)");
        };
    }
}
