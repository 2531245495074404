package io.kubekt.benchmarks;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PodList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The official client with {@code kubernetes.client.includeManagedFields=true}: by default its
 * decoder skips {@code metadata.managedFields}, so this variant does the same work as the others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dkubernetes.client.includeManagedFields=true"})
public class ClientJavaManagedFieldsBenchmark {
    @Param({"5000"})
    public int pods;

    private byte[] json;

    @Setup
    public void setup() throws IOException {
        json = BenchData.podList(pods);
        V1PodList list = clientJavaWithManagedFields();
        if (list.getItems().get(0).getMetadata().getManagedFields().isEmpty()) {
            throw new IllegalStateException("run in a fork with -Dkubernetes.client.includeManagedFields=true");
        }
    }

    @Benchmark
    public V1PodList clientJavaWithManagedFields() throws IOException {
        return JSON.deserialize(new ByteArrayInputStream(json), V1PodList.class);
    }
}
