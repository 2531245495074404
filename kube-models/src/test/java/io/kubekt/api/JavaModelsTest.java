package io.kubekt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.apps.v1.Deployment;
import io.kubekt.api.core.v1.Container;
import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import io.kubekt.api.core.v1.ServicePort;
import io.kubekt.api.meta.v1.ListMeta;
import io.kubekt.api.meta.v1.PartialObjectMetadataList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaModelsTest {
    @Test
    void buildsAndCopiesWithNestedConsumers() {
        Deployment web = Deployment.builder().metadata(m -> m.name("web")).spec(s -> s.replicas(3)).build();
        Deployment scaled = web.toBuilder().spec(s -> s.replicas(5)).build();
        assertEquals(3, web.getSpec().getReplicas());
        assertEquals(5, scaled.getSpec().getReplicas());
        assertEquals("web", scaled.getMetadata().getName());
        assertEquals("apps/v1", scaled.getApiVersion());
        assertEquals("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":5}}", scaled.toJson());
    }

    @Test
    void anEmptyListHasEmptyItemsNeverNull() {
        PodList decoded = PodList.TYPE.decode("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{}}");
        assertEquals(List.of(), decoded.getItems());
        assertEquals(List.of(), PodList.builder().build().getItems());
        assertEquals(List.of(), PartialObjectMetadataList.TYPE.decode("{\"items\":null}").getItems());
        KubeList<Pod> asList = decoded;
        assertEquals(0, asList.getItems().size());
        assertEquals("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}", decoded.toJson());
    }

    @Test
    void addsListItemsAndMapEntries() {
        Pod pod = Pod.builder()
                .metadata(m -> m.name("p").label("app", "web").labels(Map.of("tier", "front")).label("app", "web"))
                .spec(s -> s.container(c -> c.name("app").image("nginx")).container(Container.builder().name("side").build()))
                .build();
        assertEquals(List.of("app", "side"), pod.getSpec().getContainers().stream().map(Container::getName).toList());
        assertEquals(Map.of("tier", "front", "app", "web"), pod.getMetadata().getLabels());
        assertThrows(UnsupportedOperationException.class, () -> pod.getSpec().getContainers().add(Container.builder().build()));
    }

    @Test
    void decodesEncodesAndComparesByValue() {
        Pod pod = Pod.builder().metadata(m -> m.name("p").creationTimestamp(Instant.parse("2026-11-22T12:57:35Z"))).build();
        Pod decoded = Pod.TYPE.decode(pod.toJson());
        assertEquals(pod, decoded);
        assertEquals(pod.hashCode(), decoded.hashCode());
        assertNotEquals(pod, pod.toBuilder().metadata(m -> m.name("q")).build());
        assertEquals(Instant.parse("2026-11-22T12:57:35Z"), decoded.getMetadata().getCreationTimestamp());
    }

    @Test
    void scalarsAndResourcesAreUsableFromJava() {
        assertTrue(Quantity.parse("1Gi").compareTo(Quantity.parse("1000Mi")) > 0);
        assertEquals("1536Mi", Quantity.parse("1Gi").plus(Quantity.parse("512Mi")).toString());
        ServicePort port = ServicePort.builder().port(80).targetPort(IntOrString.of("http")).build();
        assertEquals("http", port.getTargetPort().getStringValue());
        assertEquals("deployments", Deployment.RESOURCE.getPlural());
        assertTrue(Deployment.RESOURCE.getNamespaced());
        assertEquals("tok", ListMeta.builder().continueValue("tok").build().getContinue());
        assertEquals("name", BuiltinModels.INSTANCE.fieldAt(new GroupVersionKind("", "v1", "Pod"), "spec.containers").getPatchMergeKey());
    }
}
