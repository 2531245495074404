package io.kubekt.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubekt.api.GroupVersionResource;
import io.kubekt.api.meta.v1.PartialObjectMetadata;
import io.kubekt.api.meta.v1.PartialObjectMetadataList;
import io.kubekt.client.FakeCluster;
import io.kubekt.request.ListOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a Java user writes with the metadata-only client: blocking calls and futures. */
class MetadataJavaTest {
    private static final GroupVersionResource SECRETS = new GroupVersionResource("", "v1", "secrets");
    private static final String POM = "{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\","
        + "\"metadata\":{\"name\":\"s\",\"namespace\":\"n\",\"labels\":{\"app\":\"web\"}}}";
    private static final String LIST = "{\"kind\":\"PartialObjectMetadataList\",\"apiVersion\":\"meta.k8s.io/v1\","
        + "\"metadata\":{\"resourceVersion\":\"4\"},\"items\":[" + POM + "]}";

    @Test
    void getsBlockingWithTheMetadataAcceptHeader() {
        try (FakeCluster cluster = FakeCluster.answering(POM)) {
            PartialObjectMetadata meta = cluster.getClient().metadata(SECRETS).namespace("n").get("s");
            assertEquals("/api/v1/namespaces/n/secrets/s", cluster.lastRequest().getPath());
            assertEquals("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1", cluster.lastRequest().getHeaders().get("Accept"));
            assertEquals("s", meta.getMetadata().getName());
            assertEquals(Map.of("app", "web"), meta.getMetadata().getLabels());
        }
    }

    @Test
    void listsBlockingAndAsync() throws Exception {
        try (FakeCluster cluster = FakeCluster.answering(LIST)) {
            MetadataResource secrets = cluster.getClient().metadata(SECRETS).namespace("n");
            PartialObjectMetadataList list = secrets.list(ListOptions.builder().limit(5).build());
            assertEquals("/api/v1/namespaces/n/secrets?limit=5", cluster.lastRequest().pathAndQuery());
            assertEquals("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1", cluster.lastRequest().getHeaders().get("Accept"));
            assertEquals("4", list.getMetadata().getResourceVersion());
            assertEquals("s", list.getItems().get(0).getMetadata().getName());
            PartialObjectMetadataList async = secrets.async().list().get(5, TimeUnit.SECONDS);
            assertEquals(list, async);
        }
    }
}
