package io.kubekt.samples;

import io.kubekt.client.KubeClient;
import io.kubekt.request.ListOptions;
import java.util.concurrent.CompletableFuture;
import kotlinx.serialization.json.JsonElement;
import kotlinx.serialization.json.JsonElementKt;
import kotlinx.serialization.json.JsonObject;

/**
 * client-go's RESTClient demo from Java: a blocking list of kube-system pods with limit 50, and
 * the same request as a CompletableFuture.
 */
public final class RestClientListPodsJava {
    private RestClientListPodsJava() {}

    public static void run(KubeClient client) {
        JsonElement pods = client.rest().get().namespace("kube-system").resource("pods")
                .params(ListOptions.builder().limit(50).build())
                .executeJson();
        int count = JsonElementKt.getJsonArray(((JsonObject) pods).get("items")).size();
        System.out.println("RESTClient (Java, blocking): " + count + " pods in kube-system (one page, limit 50)");

        CompletableFuture<String> version = client.rest().get().absPath("version").async().executeString();
        System.out.println("RESTClient (Java, future): /version answered " + version.join().length() + " bytes");
    }
}
