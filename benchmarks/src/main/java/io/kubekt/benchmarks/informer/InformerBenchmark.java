package io.kubekt.benchmarks.informer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's informer benchmark: kubekt's informers against fabric8's and client-java's on one
 * kube-test server, each contender in a fresh JVM with the same heap settings (see
 * docs/benchmarks.md). Run on demand:
 * {@code java -cp benchmarks/target/benchmarks.jar io.kubekt.benchmarks.informer.InformerBenchmark}
 * with optional {@code --pods 5000 --informers 100 --configmaps 3 --contenders kubekt,kubekt-keep,fabric8,client-java
 * --jvm "-Xms1g -Xmx1g -XX:+UseG1GC" --warmup 1 --rounds 1 --idle 65}.
 *
 * Per contender, two children: one informer on all pods (time to synced, retained heap per pod,
 * connections) and {@code informers} ConfigMap informers on one client (threads, connections);
 * {@code --rounds n} repeats all children n times on the same loaded server (loading 5,000 pods
 * into kube-test takes a few minutes, about 30 ms per pod with its status write).
 *
 * Round r runs the contenders in their given order rotated by r - 1.
 *
 * Before the measured rounds, {@code --warmup n} rounds run every contender's pods child once each
 * and discard the results: the server's JIT has then compiled both its HTTP/1.1 and its HTTP/2
 * paths, so the first contender measured does not pay for warming the server up.
 */
public final class InformerBenchmark {
    /** What to run. */
    public record Options(int pods, int informers, int configMaps, List<String> contenders, List<String> jvmFlags, int warmupRounds, int rounds, int idleSeconds) {
        static Options parse(String[] args) {
            int pods = 5000, informers = 100, configMaps = 3, warmup = 1, rounds = 1, idle = 65;
            List<String> contenders = List.of("kubekt", "kubekt-keep", "fabric8", "client-java");
            List<String> jvm = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--pods" -> pods = Integer.parseInt(args[i + 1]);
                    case "--informers" -> informers = Integer.parseInt(args[i + 1]);
                    case "--configmaps" -> configMaps = Integer.parseInt(args[i + 1]);
                    case "--contenders" -> contenders = List.of(args[i + 1].split(","));
                    case "--jvm" -> jvm = List.of(args[i + 1].trim().split("\\s+"));
                    case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                    case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                    case "--idle" -> idle = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(pods, informers, configMaps, contenders, jvm, warmup, rounds, idle);
        }
    }

    private InformerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<InformerResult> results = run(options);
        System.out.println(table(results, options));
        System.exit(0);
    }

    /** Loads the server, runs every contender's two children, returns their results in order. */
    public static List<InformerResult> run(Options options) throws Exception {
        System.out.printf("loading %d pods and %d namespaces x %d ConfigMaps into kube-test...%n",
            options.pods(), options.informers(), options.configMaps());
        List<InformerResult> results = new ArrayList<>();
        try (BenchCluster cluster = new BenchCluster(options.pods(), options.informers(), options.configMaps())) {
            System.out.printf("one stored pod: %,d bytes of JSON, managedFields included; server %s%n",
                cluster.samplePod.getBytes(StandardCharsets.UTF_8).length, cluster.server.getUrl());
            for (int round = 1; round <= options.warmupRounds(); round++) {
                for (String contender : options.contenders()) child(cluster, options, -round, contender, "pods", 1, options.pods());
            }
            for (int round = 1; round <= options.rounds(); round++) {
                for (String contender : rotated(options.contenders(), round - 1)) {
                    results.add(child(cluster, options, round, contender, "pods", 1, options.pods()));
                    results.add(child(cluster, options, round, contender, "configmaps", options.informers(),
                        options.informers() * (options.configMaps() + 1)));
                }
            }
        }
        return results;
    }

    /**
     * The contenders starting at the [shift]th: each round starts with another one, so no
     * contender always runs right after the same neighbour (whose traffic may have left kube-test
     * recompiling code for the other protocol).
     */
    static List<String> rotated(List<String> contenders, int shift) {
        List<String> order = new ArrayList<>(contenders);
        java.util.Collections.rotate(order, -(shift % Math.max(1, order.size())));
        return order;
    }

    private static InformerResult child(BenchCluster cluster, Options options, int round, String contender, String phase, int informers, int expected)
        throws IOException, InterruptedException {
        waitForNoConnections(cluster);
        int baseline = cluster.server.openConnections();
        Path log = Files.createTempFile("informer-bench-" + contender + "-" + phase + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InformerChild.class.getName(),
            contender, phase, cluster.kubeconfig.toString(), Integer.toString(informers),
            Integer.toString(phase.equals("pods") ? 0 : options.idleSeconds())));
        long serverCpuStart = processCpuNanos();
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try {
            String ready = readyLine(process, contender, phase, log);
            long serverCpuMillis = (processCpuNanos() - serverCpuStart) / 1_000_000;
            int connections = cluster.server.openConnections() - baseline;
            try (OutputStream in = process.getOutputStream()) {
                in.write('\n');
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException(contender + " " + phase + " did not stop; log " + log);
            InformerResult result = InformerResult.parse(round, contender, phase, informers, ready, connections);
            if (result.cached() != expected) {
                throw new IllegalStateException(contender + " " + phase + " cached " + result.cached() + " objects, expected " + expected + "; log " + log);
            }
            System.out.printf("%s %-12s %-10s %s connections=%d server_cpu_ms=%d%n", round > 0 ? "round " + round : "warm-up " + -round, contender, phase, ready.substring(6), connections, serverCpuMillis);
            Files.deleteIfExists(log);
            return result;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readyLine(Process process, String contender, String phase, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) return line;
            System.out.printf("  %s %s: %s%n", contender, phase, line);
        }
        throw new IllegalStateException(contender + " " + phase + " exited before READY; its stderr is in " + log);
    }

    /**
     * The previous child's connections are closed by its exit, and the loading client's once it is
     * garbage collected (JDK 17's HTTP client has no close()): wait until the server has seen that,
     * so that no connection of ours closes while a child is measured.
     */
    private static void waitForNoConnections(BenchCluster cluster) throws InterruptedException {
        for (int i = 0; i < 200 && cluster.server.openConnections() > 0; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    /** CPU time of this JVM (kube-test's server runs here) so far. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The results as a Markdown table plus the ratios the targets name. */
    public static String table(List<InformerResult> results, Options options) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n| round | contender | sync %,d pods (ms) | retained heap / pod (bytes) | connections (1 informer) | threads added by %d informers at sync | after %d s idle | threads / informer (idle) | connections (%d informers) |%n",
            options.pods(), options.informers(), options.idleSeconds(), options.informers()));
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int round = 1; round <= options.rounds(); round++) {
            for (String contender : options.contenders()) {
                InformerResult pods = find(results, round, contender, "pods");
                InformerResult many = find(results, round, contender, "configmaps");
                out.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %d | %d | %d | %.2f | %d |%n", round, contender, pods.syncMillis(),
                    pods.heapPerObject(), pods.connections(), many.threadsAdded(), many.threadsAddedIdle(),
                    (double) many.threadsAddedIdle() / options.informers(), many.connections()));
            }
        }
        for (int round = 1; round <= options.rounds(); round++) {
            out.append("round ").append(round).append(":\n");
            ratio(out, results, round, "heap / pod, kubekt default vs client-java (both drop managedFields; target <= 0.5)", "kubekt", "client-java", true);
            ratio(out, results, round, "heap / pod, kubekt keeping managedFields vs fabric8 (target <= 0.5)", "kubekt-keep", "fabric8", true);
            ratio(out, results, round, "sync time, kubekt keeping managedFields vs fabric8 (target <= 0.7)", "kubekt-keep", "fabric8", false);
            ratio(out, results, round, "sync time, kubekt default vs fabric8 (target <= 0.7)", "kubekt", "fabric8", false);
        }
        if (options.rounds() > 1) {
            out.append("mean over ").append(options.rounds()).append(" rounds:\n");
            meanSyncRatio(out, results, "sync time, kubekt keeping managedFields vs fabric8 (target <= 0.7)", "kubekt-keep", "fabric8");
            meanSyncRatio(out, results, "sync time, kubekt default vs fabric8 (target <= 0.7)", "kubekt", "fabric8");
        }
        return out.toString();
    }

    /** The ratio of the two contenders' mean sync times over all rounds. */
    private static void meanSyncRatio(StringBuilder out, List<InformerResult> results, String what, String ours, String theirs) {
        double a = meanSyncMillis(results, ours), b = meanSyncMillis(results, theirs);
        if (Double.isNaN(a) || Double.isNaN(b)) return;
        out.append(String.format(Locale.ROOT, "  %s: %.0f ms / %.0f ms = %.2f%n", what, a, b, a / b));
    }

    private static double meanSyncMillis(List<InformerResult> results, String contender) {
        return results.stream().filter(r -> r.contender().equals(contender) && r.phase().equals("pods"))
            .mapToLong(InformerResult::syncMillis).average().orElse(Double.NaN);
    }

    private static void ratio(StringBuilder out, List<InformerResult> results, int round, String what, String ours, String theirs, boolean heap) {
        InformerResult a = find(results, round, ours, "pods");
        InformerResult b = find(results, round, theirs, "pods");
        if (a == null || b == null) return;
        double ratio = heap ? (double) a.heapPerObject() / b.heapPerObject() : (double) a.syncMillis() / b.syncMillis();
        out.append(String.format(Locale.ROOT, "  %s: %.2f%n", what, ratio));
    }

    private static InformerResult find(List<InformerResult> results, int round, String contender, String phase) {
        return results.stream().filter(r -> r.round() == round && r.contender().equals(contender) && r.phase().equals(phase))
            .findFirst().orElse(null);
    }

}
