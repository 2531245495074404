package io.kubekt.benchmarks.informer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The informer benchmark runs end to end on a small cluster: its child JVMs start, sync and report.
 * No timing is asserted: the numbers are the benchmark's, recorded in docs/benchmarks.md.
 */
class InformerBenchmarkTest {
    @Test
    void kubektChildrenCacheEveryObjectAndReportTheirMeasurements() throws Exception {
        InformerBenchmark.Options options = new InformerBenchmark.Options(100, 2, 1, List.of("kubekt"), List.of("-Xmx256m"), 1, 1, 0);
        List<InformerResult> results = InformerBenchmark.run(options);

        // the warm-up child's result is not among them
        assertEquals(2, results.size());
        InformerResult pods = results.get(0);
        InformerResult configMaps = results.get(1);
        assertEquals("pods", pods.phase());
        assertEquals(100, pods.cached());
        // 1 ConfigMap per namespace plus the kube-root-ca.crt every namespace gets
        assertEquals(4, configMaps.cached());
        assertTrue(pods.connections() >= 1, "a synced informer keeps its watch open: " + pods.values());
        assertTrue(configMaps.connections() >= 1, "two watches are open: " + configMaps.values());
        assertTrue(pods.values().get("heap_before") > 0 && pods.values().get("threads_before") > 0, pods.values().toString());
        String table = InformerBenchmark.table(results, options);
        assertTrue(table.contains("| 1 | kubekt | "), table);
    }

    @Test
    void eachRoundStartsWithTheNextContender() {
        List<String> all = List.of("a", "b", "c");
        assertEquals(List.of("a", "b", "c"), InformerBenchmark.rotated(all, 0));
        assertEquals(List.of("b", "c", "a"), InformerBenchmark.rotated(all, 1));
        assertEquals(List.of("c", "a", "b"), InformerBenchmark.rotated(all, 2));
        assertEquals(List.of("a", "b", "c"), InformerBenchmark.rotated(all, 3));
    }
}
