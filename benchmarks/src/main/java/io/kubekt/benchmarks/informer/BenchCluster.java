package io.kubekt.benchmarks.informer;

import io.kubekt.api.GroupVersionResource;
import io.kubekt.api.core.v1.Pod;
import io.kubekt.benchmarks.BenchData;
import io.kubekt.client.KubeClient;
import io.kubekt.request.UpdateOptions;
import io.kubekt.test.KubeTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kube-test server every contender reads: HTTPS with a bearer token, {@code pods} realistic
 * pods in namespace {@code bench} and {@code configMaps} ConfigMaps in each of the namespaces
 * {@code bench-cm-0..informers-1}, and a kubeconfig file for it.
 *
 * Pods and ConfigMaps are created without HTTP. The pods' owner ReplicaSets are created first and
 * the pods' ownerReferences point at their uids (kube-test garbage-collects orphans). A create resets a pod's status to Pending (as a
 * real server does), so each pod's full status is then written through the status subresource by
 * field manager {@code kubelet}; the stored managedFields are those the server computes from the
 * source pod's entries plus that write.
 */
final class BenchCluster implements AutoCloseable {
    static final String TOKEN = "informer-bench-token";
    private static final GroupVersionResource NAMESPACES = GroupVersionResource.core("v1", "namespaces");
    private static final GroupVersionResource PODS = GroupVersionResource.core("v1", "pods");
    private static final GroupVersionResource CONFIG_MAPS = GroupVersionResource.core("v1", "configmaps");
    private static final GroupVersionResource REPLICA_SETS = new GroupVersionResource("apps", "v1", "replicasets");

    final KubeTestServer server;
    final Path kubeconfig;
    /** The first pod as the server stores and serves it (JSON). */
    final String samplePod;

    BenchCluster(int pods, int informers, int configMaps) throws IOException {
        server = KubeTestServer.builder().token(TOKEN, "bench-admin", "system:masters").allowAnonymous(false).start();
        kubeconfig = Files.createTempFile("informer-bench-", ".kubeconfig");
        Files.writeString(kubeconfig, server.kubeconfigWithToken(TOKEN));
        createNamespace("bench");
        String first = loadPods(pods);
        for (int i = 0; i < informers; i++) loadConfigMaps("bench-cm-" + i, configMaps);
        samplePod = server.getOrNull(PODS, "bench", first);
    }

    private void createNamespace(String name) {
        server.create(NAMESPACES, null, "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    /** Loads the pods; returns the first one's name. */
    private String loadPods(int count) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode items = mapper.readTree(BenchData.podList(count)).get("items");
        List<Pod> withStatus = new ArrayList<>(count);
        Map<String, String> owners = new HashMap<>();
        for (JsonNode item : items) {
            ObjectNode pod = (ObjectNode) item;
            ObjectNode meta = (ObjectNode) pod.get("metadata");
            meta.remove(List.of("resourceVersion", "selfLink", "uid"));
            for (JsonNode ref : meta.path("ownerReferences")) {
                String uid = owners.computeIfAbsent(ref.get("name").asText(), name -> createReplicaSet(mapper, name));
                ((ObjectNode) ref).put("uid", uid);
            }
            withStatus.add(Pod.TYPE.decode(mapper.writeValueAsBytes(pod)));
            server.create(PODS, "bench", mapper.writeValueAsString(pod));
        }
        try (KubeClient client = KubeClient.create(server.clientConfigWithToken(TOKEN))) {
            UpdateOptions kubelet = UpdateOptions.builder().fieldManager("kubelet").build();
            for (int from = 0; from < withStatus.size(); from += 32) {
                List<CompletableFuture<Pod>> batch = new ArrayList<>();
                for (Pod pod : withStatus.subList(from, Math.min(withStatus.size(), from + 32))) {
                    batch.add(client.resources(Pod.class).namespace("bench").async().updateStatus(pod, kubelet));
                }
                batch.forEach(CompletableFuture::join);
            }
            // Warms kube-test's list path (JIT of its rendering) with untimed lists of every pod, so that
            // the first contender measured does not pay for the server's warm-up.
            for (int i = 0; i < 3; i++) client.rest().get().namespace("bench").resource("pods").executeBytes();
        }
        return withStatus.get(0).getMetadata().getName();
    }

    /** Creates the owner ReplicaSet {@code name}; returns its uid. */
    private String createReplicaSet(JsonMapper mapper, String name) {
        String created = server.create(REPLICA_SETS, "bench", "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"" + name
            + "\"},\"spec\":{\"selector\":{\"matchLabels\":{\"rs\":\"" + name + "\"}},\"template\":{\"metadata\":{\"labels\":{\"rs\":\""
            + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}");
        return mapper.readTree(created).get("metadata").get("uid").asText();
    }

    private void loadConfigMaps(String namespace, int count) {
        createNamespace(namespace);
        for (int i = 0; i < count; i++) {
            server.create(CONFIG_MAPS, namespace, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings-" + i
                + "\",\"labels\":{\"app\":\"bench\"}},\"data\":{\"mode\":\"fast\",\"replicas\":\"" + i + "\",\"owner\":\"team-" + i + "\"}}");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(kubeconfig);
    }
}
