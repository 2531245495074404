package io.kubekt.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubekt.api.core.v1.Pod;
import io.kubekt.api.core.v1.PodList;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: every decoder reads the same pods with the same content. */
class PodListDecodeBenchmarkTest {
    @Test
    void allDecodersReadTheSameScaledList() throws Exception {
        PodListDecodeBenchmark b = new PodListDecodeBenchmark();
        b.pods = 250;
        b.setup();
        PodList k = b.kubekt();
        io.fabric8.kubernetes.api.model.PodList f = b.fabric8();
        io.kubernetes.client.openapi.models.V1PodList c = b.clientJava();
        assertEquals(250, k.getItems().size());
        for (int i : new int[] {0, 199, 200, 249}) {
            Pod pod = k.getItems().get(i);
            assertEquals(f.getItems().get(i).getMetadata().getName(), pod.getMetadata().getName());
            assertEquals(c.getItems().get(i).getMetadata().getUid(), pod.getMetadata().getUid());
            assertEquals(f.getItems().get(i).getSpec().getContainers().size(), pod.getSpec().getContainers().size());
            assertEquals(f.getItems().get(i).getMetadata().getManagedFields().size(), pod.getMetadata().getManagedFields().size());
            assertEquals(c.getItems().get(i).getSpec().getVolumes().size(), pod.getSpec().getVolumes().size());
        }
        assertEquals("accounts-0-4mxd7j6xlm-226h8-1", k.getItems().get(200).getMetadata().getName());
        assertArrayEquals(BenchData.podList(250), PodList.TYPE.encode(k));
        // the official client skips managedFields unless kubernetes.client.includeManagedFields=true
        assertEquals(0, c.getItems().get(0).getMetadata().getManagedFields().size());
    }
}
