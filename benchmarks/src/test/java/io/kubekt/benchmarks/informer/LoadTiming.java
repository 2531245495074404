package io.kubekt.benchmarks.informer;

/**
 * Prints how long loading the informer benchmark's data into kube-test takes (the same
 * {@link BenchCluster} the benchmark builds): run by hand, never as a test.
 *
 * <p>Arguments: pod counts (default 2000 5000), then optionally {@code --informers n --configmaps n}
 * (defaults 100 and 3, as in {@link InformerBenchmark}).
 */
public final class LoadTiming {
    private LoadTiming() {}

    public static void main(String[] args) throws Exception {
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        int informers = 100, configMaps = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--informers" -> informers = Integer.parseInt(args[++i]);
                case "--configmaps" -> configMaps = Integer.parseInt(args[++i]);
                default -> counts.add(Integer.parseInt(args[i]));
            }
        }
        if (counts.isEmpty()) counts = java.util.List.of(2000, 5000);
        for (int pods : counts) {
            long start = System.nanoTime();
            try (BenchCluster cluster = new BenchCluster(pods, informers, configMaps)) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("loaded %,d pods (+%d namespaces x %d ConfigMaps): %,d ms%n", pods, informers, configMaps, ms);
            }
        }
        System.exit(0);
    }
}
