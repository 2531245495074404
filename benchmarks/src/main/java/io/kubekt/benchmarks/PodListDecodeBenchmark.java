package io.kubekt.benchmarks;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubekt.api.core.v1.PodList;
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
 * Decodes one PodList response body (UTF-8 bytes, as read from the wire) into typed models:
 * kubekt's generated models, fabric8's Jackson models and the official client's Gson models,
 * plus a floor that only reads the bytes. Run with {@code -prof gc} for bytes allocated per op.
 * The official client skips {@code managedFields} by default; {@link ClientJavaManagedFieldsBenchmark}
 * measures it doing the same work as the others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class PodListDecodeBenchmark {
    @Param({"5000"})
    public int pods;

    private byte[] json;
    private KubernetesSerialization fabric8;

    @Setup
    public void setup() throws IOException {
        json = BenchData.podList(pods);
        fabric8 = new KubernetesSerialization();
        // all three must read the same list, or the comparison means nothing
        int a = kubekt().getItems().size();
        int b = fabric8().getItems().size();
        int c = clientJava().getItems().size();
        if (a != pods || b != pods || c != pods) throw new IllegalStateException("decoded " + a + "/" + b + "/" + c + " of " + pods);
    }

    @Benchmark
    public PodList kubekt() {
        return PodList.TYPE.decode(json);
    }

    @Benchmark
    public io.fabric8.kubernetes.api.model.PodList fabric8() {
        return fabric8.unmarshal(new ByteArrayInputStream(json), io.fabric8.kubernetes.api.model.PodList.class);
    }

    @Benchmark
    public V1PodList clientJava() throws IOException {
        return JSON.deserialize(new ByteArrayInputStream(json), V1PodList.class);
    }

    /** Reads every byte once (counting quotes), without parsing: the cost of touching the input. */
    @Benchmark
    public int floor() {
        int quotes = 0;
        for (byte b : json) if (b == '"') quotes++;
        return quotes;
    }
}
